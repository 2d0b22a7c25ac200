// How the page was opened: normally, as a presenter (?present: large type,
// chrome hidden, a clicker steps), or embedded (?embed: minimal chrome for an
// iframe). ?lesson=<id>&step=<n> starts at a lesson step in any mode;
// ?frames=<n> sizes physical memory; ?tags=patent|steps|none says how the
// patent's tags are shown (app/prefs.ts). The fields are read by the same reader
// as a share link's (share/linkFields.ts).

import { readLessonPlace, readTagStyle, readWhole, wrap } from '../share/linkFields.ts';
import type { Note, Said } from '../share/linkFields.ts';
import type { TagStyle } from '../../engine/index.ts';
import { MAX_FRAMES, MIN_FRAMES } from '../../engine/index.ts';

export type PageMode = 'normal' | 'present' | 'embed';

export interface Opening {
  readonly mode: PageMode;
  readonly lesson: string | null;
  /** counted from 0 */
  readonly step: number;
  /** ?frames=N: physical frames of the machine (128 to 1,048,576), for big-memory demonstrations */
  readonly frames: number | null;
  /** ?tags=...: how the address wants the patent's tags shown, or null */
  readonly tags: TagStyle | null;
  /** what the page should tell the person about the address: a field refused, a step past the end */
  readonly notes: readonly OpeningNote[];
}

/** What the page tells the person about its address: a refusal (its English and its words), or a catalog message; both said in the reader's language once it is loaded. */
export type OpeningNote = ({ readonly kind: 'error' } & Said) | { readonly kind: 'info'; readonly note: Note };

export function readOpening(search: string): Opening {
  const params = new URLSearchParams(search);
  const mode: PageMode = params.has('present') ? 'present' : params.has('embed') ? 'embed' : 'normal';
  const notes: OpeningNote[] = [];
  const frames = readWhole(params.get('frames'), 'frames', MIN_FRAMES, MAX_FRAMES);
  if (!frames.ok) notes.push({ kind: 'error', ...wrap(frames, (why) => `${why}; the lab starts with 256 frames.`, 'share.query.frames') });
  const tags = readTagStyle(params.get('tags'));
  if (!tags.ok) notes.push({ kind: 'error', ...wrap(tags, (why) => `${why}; the tags are shown as before.`, 'share.query.tags') });
  const place = readLessonPlace(params, 1);
  if (!place.ok) notes.push({ kind: 'error', ...wrap(place, (why) => `${why}. The lab starts clean.`, 'share.query.lesson') });
  else if (place.value.note) notes.push({ kind: 'info', note: place.value.note });
  const opened = place.ok ? place.value.place : null;
  return {
    frames: frames.ok ? frames.value : null,
    tags: tags.ok ? tags.value : null,
    mode,
    lesson: opened?.lesson ?? null,
    step: opened?.step ?? 0,
    notes,
  };
}

export const OPENING: Opening = readOpening(typeof location === 'undefined' ? '' : location.search);

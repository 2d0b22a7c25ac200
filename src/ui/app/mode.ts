// How the page was opened: normally, as a presenter (?present: large type,
// chrome hidden, a clicker steps), or embedded (?embed: minimal chrome for an
// iframe). ?lesson=<id>&step=<n> starts at a lesson step in any mode;
// ?frames=<n> sizes physical memory; ?tags=patent|steps|none says how the
// patent's tags are shown (app/prefs.ts). The fields are read by the same reader
// as a share link's (share/linkFields.ts).

import { readLessonPlace, readTagStyle, readWhole } from '../share/linkFields.ts';
import type { Note } from '../share/linkFields.ts';
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

/** What the page tells the person about its address: English text, or a catalog message said in the reader's language once it is loaded. */
export type OpeningNote = { readonly kind: 'error' | 'info'; readonly text: string } | { readonly kind: 'info'; readonly note: Note };

export function readOpening(search: string): Opening {
  const params = new URLSearchParams(search);
  const mode: PageMode = params.has('present') ? 'present' : params.has('embed') ? 'embed' : 'normal';
  const notes: OpeningNote[] = [];
  const frames = readWhole(params.get('frames'), 'frames', MIN_FRAMES, MAX_FRAMES);
  if (!frames.ok) notes.push({ kind: 'error', text: `${frames.message}; the lab starts with 256 frames.` });
  const tags = readTagStyle(params.get('tags'));
  if (!tags.ok) notes.push({ kind: 'error', text: `${tags.message}; the tags are shown as before.` });
  const place = readLessonPlace(params, 1);
  if (!place.ok) notes.push({ kind: 'error', text: `${place.message}. The lab starts clean.` });
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

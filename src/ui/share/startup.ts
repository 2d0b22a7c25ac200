// Opening the page: a share link in the fragment replays its lines on a fresh
// machine of its configuration (only as lines of the command language), then
// puts the playhead where its sender was watching; a bad link leaves a clean
// lab and a message. Without a link, ?lesson=...&step=... opens that lesson
// step. Both forms are read by share/linkFields.ts.

import { createShell, findLesson } from '../../engine/index.ts';
import { restingPosition, useLab } from '../store/labStore.ts';
import { useLessons } from '../lessons/lessonStore.ts';
import { OPENING } from '../app/mode.ts';
import { decodeLink, encodeLink, LINK_LIMITS } from './shareLink.ts';
import type { ShareResult } from './rebuild.ts';
import { rebuildShell, shareOf } from './rebuild.ts';
import { openLessonLink } from '../lessons/lessonLink.ts';
import { carriesAssignment } from '../homework/homeworkShown.ts';
import { cueOpenStep } from '../app/embed.ts';
import { usePrefs } from '../app/prefs.ts';
import { useLanguage } from '../app/language.ts';
import { wordsIn } from '../../i18n/wordsIn.ts';

/** The first opening of the address, once per visit (openEarly or watchAddress, whichever comes first). */
let opening: Promise<void> | null = null;

/** Open the address's link, or lesson, unless that was done already. */
function openAddressOnce(): Promise<void> {
  opening ??= openFromAddress();
  return opening;
}

/**
 * Called by main.tsx before the page is first drawn: a shared lab's lines are
 * replayed then, so the first drawing already shows the replayed moment.
 * Opened from the page's first effect instead, the whole page was drawn and
 * laid out twice, once empty and once replayed, before the terminal could
 * mount (issue 22: a 300-line link at CPU / 4). An assignment link is left to
 * watchAddress: its reader is a chunk of its own, not worth holding the first
 * drawing for. Settles once the link is open (or refused), or after
 * EARLY_AT_MOST_MS of reading it: a link is a stranger's data, and however
 * it reads, the page is drawn (the link then opens in the drawn page, as
 * before).
 */
export function openEarly(): Promise<void> {
  const fragment = location.hash.replace(/^#/, '');
  if (fragment === '' || carriesAssignment(fragment)) return Promise.resolve();
  return Promise.race([openAddressOnce(), new Promise<void>((resolve) => setTimeout(resolve, EARLY_AT_MOST_MS))]);
}

/** The longest the first drawing waits for a link to be read (its lines replay in one go after that, so this bounds only the reading). */
const EARLY_AT_MOST_MS = 3000;

/** Open the link in the address now (unless openEarly did), and again whenever a link is pasted into this tab. */
export function watchAddress(): () => void {
  void openAddressOnce();
  const onHash = () => void openFromAddress();
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}

/** A machine as the page's own address asks for (?frames=N), nothing typed. */
const cleanShell = () => createShell(OPENING.frames ? { frames: OPENING.frames } : {});

/** The page's mode in the query (?present, ?embed), without the fields a link carries itself. */
function modeQuery(): string {
  const keep = new URLSearchParams();
  const params = new URLSearchParams(location.search);
  for (const mode of ['present', 'embed']) if (params.has(mode)) keep.set(mode, params.get(mode) ?? '');
  const query = keep.toString();
  return query ? `?${query}` : '';
}

/**
 * The way back from anything broken: the address loses its link and its
 * lesson, and the lab starts again with nothing typed and nothing open.
 */
export function startCleanLab(): void {
  history.replaceState(null, '', `${location.pathname}${modeQuery()}`);
  useLessons.getState().close();
  const lab = useLab.getState();
  lab.replaceShell(cleanShell());
  lab.setBanner(null);
  lab.notify([useLanguage.getState().t('share.note.clean')]);
}

export async function openFromAddress(): Promise<void> {
  const fragment = location.hash.replace(/^#/, '');
  let result;
  try {
    result = await decodeLink(fragment);
  } catch {
    result = { ok: false as const, message: 'This link could not be read. The lab starts clean.', words: { id: 'share.unreadable' } };
  }
  const lab = useLab.getState();
  // a teacher's lesson in the link (#lessonfile=...) opens as a student would take it
  if (await openLessonLink(fragment)) return;
  // an assignment in the link (#assignment=...) opens in the homework panel; the lab is left as it is
  // (its reader, and the homework's code, load only for such a link)
  if (carriesAssignment(fragment) && (await (await import('../homework/assignmentLink.ts')).openAssignmentLink(fragment))) return;
  if (result && !result.ok) {
    // a clean lab, whatever was open before
    useLessons.getState().close();
    lab.replaceShell(cleanShell());
    lab.setBanner({ kind: 'error', text: wordsIn(useLanguage.getState().t, result.words) });
    history.replaceState(null, '', location.pathname + location.search);
    return;
  }
  if (result?.ok) {
    const { config, lines, lesson, step, at, tags } = result.lab;
    // the sender's way of showing the tags, for this visit (prefs.ts says who wins)
    if (tags) usePrefs.getState().askTags(tags);
    const { shell, printed, outputs } = rebuildShell(config, lines);
    // what the replay printed counts for the lesson step as if it had been typed here
    lab.replaceShell(shell, undefined, outputs);
    // the playhead where the sender was watching; the shell stays at the sender's moment
    if (at !== null) lab.showAt(at);
    lab.setPlaying(false);
    // the terminal shows what was replayed, as if it had been typed here (the last lines, if there are many)
    const shown = printed.slice(-400);
    lab.notify([
      useLanguage.getState().t('share.note.opened', { seed: String(config.seed), lines: String(lines.length), count: lines.length, cut: String(shown.length < printed.length) }),
      ...shown,
    ]);
    // the sender's lesson step, or none (a link pasted into a tab with a lesson open closes it)
    if (lesson !== null) {
      useLessons.setState({ opened: { kind: 'lesson', id: lesson, step: step ?? 0, startLine: 0, since: 0 }, met: null, metAt: null, hintsShown: 0 });
      useLessons.getState().recheck();
    } else useLessons.getState().close();
    if (result.note) lab.setBanner({ kind: 'info', text: useLanguage.getState().t(result.note.key, result.note.values) });
    return;
  }
  const lesson = OPENING.lesson ? findLesson(OPENING.lesson) : undefined;
  if (lesson) {
    useLessons.getState().openLesson(lesson.id, OPENING.step);
    if (OPENING.mode === 'embed') cueOpenStep();
  }
  const note = OPENING.notes.find((n) => n.kind === 'error') ?? OPENING.notes[0];
  const t = useLanguage.getState().t;
  if (note) lab.setBanner({ kind: note.kind, text: 'note' in note ? t(note.note.key, note.note.values) : wordsIn(t, note.words) });
}

/** The link to this lab as it is now, or why none can be made; `keepMode` false gives the full lab's address (an embed's "Open in lparlab"). */
export async function currentLink(keepMode = true): Promise<{ ok: true; url: string; fragment: string } | { ok: false; message: string }> {
  const lab = useLab.getState();
  const opened = useLessons.getState().opened;
  const made: ShareResult = shareOf(lab.shell, lab.position, restingPosition(lab.shell), opened?.kind === 'lesson' ? { lesson: opened.id, step: opened.step } : null);
  if (!made.ok) return made;
  // the tags travel when they are not the default, so the reader sees the chart the sender sees
  const tags = usePrefs.getState().tags;
  const fragment = await encodeLink({ ...made.lab, tags: tags === 'patent' ? null : tags });
  if (fragment.length > LINK_LIMITS.fragment) {
    return { ok: false, message: useLanguage.getState().t('share.tooLong', { length: String(fragment.length), most: String(LINK_LIMITS.fragment) }) };
  }
  const page = location.protocol === 'file:' ? location.href.replace(/[?#].*$/, '') : `${location.origin}${location.pathname}`;
  return { ok: true, url: `${page}${keepMode ? modeQuery() : ''}#${fragment}`, fragment };
}

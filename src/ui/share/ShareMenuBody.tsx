// The Share menu's contents (ShareMenu.tsx opens it): a link that rebuilds
// this lab, the trace as JSON, the sequence chart as SVG, the pictures, the
// handout and the terminal transcript. Loaded when the menu is first opened
// (issue 23: none of it is needed before a click); its state lives in
// ShareMenu.tsx, so a link made or a status said is still there when the menu
// opens again.

import type { Dispatch, SetStateAction } from 'react';
import { useLab } from '../store/labStore.ts';
import { eventsUpTo } from '../sequence/exportSequenceSvg.ts';
import { download, downloadBlob, jsonFile } from './download.ts';
import { visible } from '../../engine/index.ts';
import { transcriptLines } from '../store/transcript.ts';
import { currentLink } from './startup.ts';
import { fromFile, labFile } from './labFile.ts';
import { exportSequenceSvg } from '../sequence/exportSequenceSvg.ts';
import type { SequenceRange } from '../sequence/exportSequenceSvg.ts';
import type { AnimationFormat, AnimationRange, PictureSize } from '../memory/exportMemory.ts';
import { lessonOf, useLessons } from '../lessons/lessonStore.ts';
import { useT } from '../app/language.ts';

type State<T> = readonly [T, Dispatch<SetStateAction<T>>];

/** The menu's state, kept by ShareMenu.tsx across closing and opening. */
export interface ShareState {
  readonly link: State<string>;
  readonly status: State<string>;
  readonly range: State<SequenceRange>;
  readonly busy: State<boolean>;
  readonly size: State<PictureSize>;
  readonly fileFragment: State<string | null>;
  readonly reel: State<AnimationRange>;
}

export default function ShareMenuBody({ state }: { state: ShareState }) {
  const t = useT();
  const [link, setLink] = state.link;
  const [status, setStatus] = state.status;
  const [range, setRange] = state.range;
  const [busy, setBusy] = state.busy;
  const [size, setSize] = state.size;
  const [fileFragment, setFileFragment] = state.fileFragment;
  const [reel, setReel] = state.reel;

  const makeLink = async () => {
    const made = await currentLink();
    if (!made.ok) {
      setLink('');
      setStatus(made.message);
      return;
    }
    const url = made.url;
    setLink(url);
    if (fromFile()) {
      // a file:// address names a file on this computer: nobody else can open it
      setFileFragment(made.fragment);
      setStatus(t('share.fromFile'));
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t('share.copied'));
    } catch {
      setStatus(t('share.selectLink'));
    }
  };

  const saveLabFile = (fragment: string) => {
    const file = labFile(fragment);
    if (!file) return setStatus(t('share.notSingleFile'));
    download('lparlab.html', file, 'text/html');
    setStatus(t('share.savedFile'));
  };

  const exportTrace = () => {
    const { shell, position } = useLab.getState();
    // read when saved, not on every step: the trace up to the playhead
    const events = eventsUpTo(shell.timeline, position);
    const trace = { format: 'lparlab-trace', version: 1, seed: shell.timeline.config.seed, lines: shell.history.toArray(), events };
    download('lparlab-trace.json', jsonFile(trace), 'application/json');
    setStatus(t('share.savedTrace', { count: String(events.length) }));
  };

  const exportSequence = () => {
    const opened = useLessons.getState().opened;
    const stepSince = opened?.kind === 'lesson' || opened?.kind === 'challenge' ? opened.since : undefined;
    download('lparlab-sequence.svg', exportSequenceSvg({ range, stepSince }), 'image/svg+xml');
    setStatus(t(range === 'step' && stepSince === undefined ? 'share.savedSequence.noStep' : 'share.savedSequence'));
  };

  // the picture exports and the handout draw with d3 and carry an image encoder: their code loads when first asked for,
  // not with the page (first-load JavaScript, issue 22)
  const pictures = () => import('../memory/exportMemory.ts');
  const handouts = () => import('../lessons/handout.ts');

  /** Run an export that takes a while, one at a time, saying what went wrong if it did. */
  const slow = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setStatus(await work());
    } catch (e) {
      setStatus(t('share.failed', { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const exportMemorySvg = () => slow(async () => {
    const made = await (await pictures()).memorySvg(size);
    if (!made.ok) return made.message;
    download('lparlab-memory.svg', made.value.svg, 'image/svg+xml');
    return t('share.savedMemorySvg', { width: String(made.value.width), height: String(made.value.height) });
  });

  const exportMemoryPng = () => slow(async () => {
    const made = await (await pictures()).memoryPng(size);
    if (!made.ok) return made.message;
    downloadBlob('lparlab-memory.png', made.value.png);
    return t('share.savedMemoryPng', { width: String(made.value.width), height: String(made.value.height) });
  });

  const exportAnimation = (format: AnimationFormat) => slow(async () => {
    setStatus(t('share.drawing'));
    const made = await (await pictures()).animation(reel, format, (done, of) => setStatus(t('share.drawing.progress', { done: String(done), of: String(of) })));
    if (!made.ok) return made.message;
    const a = made.value;
    downloadBlob(a.filename, new Blob([a.bytes as BlobPart], { type: a.type }));
    return t('share.savedAnimation', { steps: String(a.frames), format, seconds: (a.ms / 1000).toFixed(1) });
  });

  /** The lesson open now, for its handout. */
  const lessonNow = () => {
    const { opened, custom } = useLessons.getState();
    return opened?.kind === 'lesson' ? lessonOf(opened, custom) : undefined;
  };
  const config = () => ({ ...useLab.getState().shell.timeline.config });

  const saveHandout = () => slow(async () => {
    const lesson = lessonNow();
    if (!lesson) return t('share.noLesson');
    download(`lparlab-${lesson.id}-handout.html`, await (await handouts()).handoutFile(lesson, config()), 'text/html');
    return t('share.savedHandout', { title: lesson.title, steps: String(lesson.steps.length) });
  });

  const printLessonHandout = () => slow(async () => {
    const lesson = lessonNow();
    if (!lesson) return t('share.noLesson');
    const pages = await (await handouts()).printHandout(lesson, config());
    return t('share.printing', { pages: String(pages) });
  });

  return (
    // inside the menu's frame (ShareMenu.tsx), which shows while this chunk loads
    <>
      <button type="button" onClick={() => void makeLink()}>{t('share.copyLink')}</button>
      {link && <input className="share-link" readOnly value={link} aria-label={t('share.link')} onFocus={(e) => e.currentTarget.select()} />}
      {fileFragment !== null && (
        <button type="button" onClick={() => saveLabFile(fileFragment)}>{t('share.saveFile')}</button>
      )}
      <button type="button" onClick={exportTrace}>{t('share.trace')}</button>
      <div className="share-row">
        <button type="button" onClick={exportSequence}>{t('share.sequence')}</button>
        <select value={range} onChange={(e) => setRange(e.target.value as SequenceRange)} aria-label={t('share.sequence.range')}>
          <option value="command">{t('share.range.command')}</option>
          <option value="step">{t('share.range.step')}</option>
          <option value="all">{t('share.range.all')}</option>
        </select>
      </div>
      <div className="share-row">
        <button type="button" onClick={() => void exportMemorySvg()} disabled={busy}>{t('share.memorySvg')}</button>
        <button type="button" onClick={() => void exportMemoryPng()} disabled={busy}>{t('share.memoryPng')}</button>
        <select value={size} onChange={(e) => setSize(e.target.value as PictureSize)} aria-label={t('share.size')}>
          <option value="slide">{t('share.size.slide')}</option>
          <option value="screen">{t('share.size.screen')}</option>
        </select>
      </div>
      <div className="share-row">
        <button type="button" onClick={() => void exportAnimation('gif')} disabled={busy}>{t('share.gif')}</button>
        <button type="button" onClick={() => void exportAnimation('webm')} disabled={busy}>{t('share.webm')}</button>
        <select value={reel} onChange={(e) => setReel(e.target.value as AnimationRange)} aria-label={t('share.reel')}>
          <option value="command">{t('share.range.command')}</option>
          <option value="step">{t('share.range.step')}</option>
          <option value="lesson">{t('share.range.lesson')}</option>
        </select>
      </div>
      <div className="share-row">
        <button type="button" onClick={() => void printLessonHandout()} disabled={busy}>{t('share.print')}</button>
        <button type="button" onClick={() => void saveHandout()} disabled={busy}>{t('share.handout')}</button>
      </div>
      <button type="button" onClick={() => { download('lparlab-transcript.txt', `${transcriptLines().map(visible).join('\n')}\n`, 'text/plain'); setStatus(t('share.savedTranscript')); }}>{t('share.transcript')}</button>
      <p className="share-status" role="status">{status}</p>
    </>
  );
}

// Share and export: a link that rebuilds this lab, the trace as JSON, the
// sequence chart as SVG, the terminal transcript as text.

import { useEffect, useRef, useState } from 'react';
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
import { isTyping } from '../app/shortcuts.ts';
import { useT } from '../app/language.ts';

export function ShareMenu() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState('');
  const [status, setStatus] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [range, setRange] = useState<SequenceRange>('command');
  const [busy, setBusy] = useState(false);
  const [size, setSize] = useState<PictureSize>('slide');
  const [fileFragment, setFileFragment] = useState<string | null>(null);
  const [reel, setReel] = useState<AnimationRange>('command');

  useEffect(() => {
    if (!open) return;
    // Escape closes the menu and gives the focus back to the button that opened it
    const onKey = (e: KeyboardEvent) => {
      // the menu's own fields may close it; the terminal's Escape (leave the terminal) is the terminal's
      if (e.key !== 'Escape' || (isTyping(e.target) && !root.current?.contains(e.target as Node))) return;
      setOpen(false);
      if (root.current?.contains(document.activeElement)) opener.current?.focus();
    };
    const onClick = (e: MouseEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onClick);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onClick);
    };
  }, [open]);

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
    <div className="share" ref={root}>
      <button type="button" ref={opener} aria-expanded={open} aria-controls="share-menu" onClick={() => setOpen(!open)}>
        {t('share.open')}
      </button>
      {open && (
        <div id="share-menu" className="share-menu" role="group" aria-label={t('share.label')}>
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
        </div>
      )}
    </div>
  );
}

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

export function ShareMenu() {
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
      setStatus('This page is a file on this computer, so the link opens only here. To share this lab, send the file below: it opens at this moment anywhere.');
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied. Anyone who opens it sees this lab at this moment.');
    } catch {
      setStatus('Select the link below and copy it.');
    }
  };

  const saveLabFile = (fragment: string) => {
    const file = labFile(fragment);
    if (!file) return setStatus('This page is not a single file: send the trace or the transcript instead.');
    download('lparlab.html', file, 'text/html');
    setStatus('Saved the lab as one file: whoever opens it sees this lab at this moment.');
  };

  const exportTrace = () => {
    const { shell, position } = useLab.getState();
    // read when saved, not on every step: the trace up to the playhead
    const events = eventsUpTo(shell.timeline, position);
    const trace = { format: 'lparlab-trace', version: 1, seed: shell.timeline.config.seed, lines: shell.history.toArray(), events };
    download('lparlab-trace.json', jsonFile(trace), 'application/json');
    setStatus(`Saved ${events.length} events.`);
  };

  const exportSequence = () => {
    const opened = useLessons.getState().opened;
    const stepSince = opened?.kind === 'lesson' || opened?.kind === 'challenge' ? opened.since : undefined;
    download('lparlab-sequence.svg', exportSequenceSvg({ range, stepSince }), 'image/svg+xml');
    setStatus(range === 'step' && stepSince === undefined ? 'No lesson step is open: saved this command.' : 'Saved the sequence chart.');
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
      setStatus(`Could not export: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const exportMemorySvg = () => slow(async () => {
    const made = await (await pictures()).memorySvg(size);
    if (!made.ok) return made.message;
    download('lparlab-memory.svg', made.value.svg, 'image/svg+xml');
    return `Saved the Memory view at the playhead, ${made.value.width}x${made.value.height}.`;
  });

  const exportMemoryPng = () => slow(async () => {
    const made = await (await pictures()).memoryPng(size);
    if (!made.ok) return made.message;
    downloadBlob('lparlab-memory.png', made.value.png);
    return `Saved the Memory view at the playhead, ${made.value.width}x${made.value.height} pixels.`;
  });

  const exportAnimation = (format: AnimationFormat) => slow(async () => {
    setStatus('Drawing each step…');
    const made = await (await pictures()).animation(reel, format, (done, of) => setStatus(`Drawing step ${done} of ${of}…`));
    if (!made.ok) return made.message;
    const a = made.value;
    downloadBlob(a.filename, new Blob([a.bytes as BlobPart], { type: a.type }));
    return `Saved ${a.frames} steps as ${format === 'gif' ? 'a GIF' : 'a WebM video'} of ${(a.ms / 1000).toFixed(1)} s.`;
  });

  /** The lesson open now, for its handout. */
  const lessonNow = () => {
    const { opened, custom } = useLessons.getState();
    return opened?.kind === 'lesson' ? lessonOf(opened, custom) : undefined;
  };
  const config = () => ({ ...useLab.getState().shell.timeline.config });

  const saveHandout = () => slow(async () => {
    const lesson = lessonNow();
    if (!lesson) return 'Open a lesson first: the handout is one page per step of it.';
    download(`lparlab-${lesson.id}-handout.html`, await (await handouts()).handoutFile(lesson, config()), 'text/html');
    return `Saved the handout of "${lesson.title}": ${lesson.steps.length} steps and the answers, in one file.`;
  });

  const printLessonHandout = () => slow(async () => {
    const lesson = lessonNow();
    if (!lesson) return 'Open a lesson first: the handout is one page per step of it.';
    const pages = await (await handouts()).printHandout(lesson, config());
    return `Printing the handout: ${pages} pages (choose "Save as PDF" for a file).`;
  });

  return (
    <div className="share" ref={root}>
      <button type="button" ref={opener} aria-expanded={open} aria-controls="share-menu" onClick={() => setOpen(!open)}>
        Share &amp; export
      </button>
      {open && (
        <div id="share-menu" className="share-menu" role="group" aria-label="share and export">
          <button type="button" onClick={() => void makeLink()}>Copy a link to this lab</button>
          {link && <input className="share-link" readOnly value={link} aria-label="share link" onFocus={(e) => e.currentTarget.select()} />}
          {fileFragment !== null && (
            <button type="button" onClick={() => saveLabFile(fileFragment)}>Save this lab as a file to send</button>
          )}
          <button type="button" onClick={exportTrace}>Trace (JSON)</button>
          <div className="share-row">
            <button type="button" onClick={exportSequence}>Sequence chart (SVG)</button>
            <select value={range} onChange={(e) => setRange(e.target.value as SequenceRange)} aria-label="which arrows the sequence chart shows">
              <option value="command">this command</option>
              <option value="step">this lesson step</option>
              <option value="all">everything</option>
            </select>
          </div>
          <div className="share-row">
            <button type="button" onClick={() => void exportMemorySvg()} disabled={busy}>Memory view (SVG)</button>
            <button type="button" onClick={() => void exportMemoryPng()} disabled={busy}>Memory view (PNG)</button>
            <select value={size} onChange={(e) => setSize(e.target.value as PictureSize)} aria-label="size of the Memory picture">
              <option value="slide">slide 1920x1080</option>
              <option value="screen">as on screen</option>
            </select>
          </div>
          <div className="share-row">
            <button type="button" onClick={() => void exportAnimation('gif')} disabled={busy}>Animation (GIF)</button>
            <button type="button" onClick={() => void exportAnimation('webm')} disabled={busy}>Animation (WebM)</button>
            <select value={reel} onChange={(e) => setReel(e.target.value as AnimationRange)} aria-label="what the animation shows">
              <option value="command">this command</option>
              <option value="step">this lesson step</option>
              <option value="lesson">the whole lesson</option>
            </select>
          </div>
          <div className="share-row">
            <button type="button" onClick={() => void printLessonHandout()} disabled={busy}>Print the lesson handout</button>
            <button type="button" onClick={() => void saveHandout()} disabled={busy}>Lesson handout (HTML)</button>
          </div>
          <button type="button" onClick={() => { download('lparlab-transcript.txt', `${transcriptLines().map(visible).join('\n')}\n`, 'text/plain'); setStatus('Saved the terminal transcript.'); }}>Terminal transcript (text)</button>
          <p className="share-status" role="status">{status}</p>
        </div>
      )}
    </div>
  );
}

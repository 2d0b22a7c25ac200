// Share and export: a link that rebuilds this lab, the trace as JSON, the
// sequence chart as SVG, the terminal transcript as text.

import { useEffect, useRef, useState } from 'react';
import { useLab } from '../store/labStore.ts';
import { eventsUpTo } from '../sequence/exportSequenceSvg.ts';
import { download, downloadBlob, jsonFile } from './download.ts';
import { visible } from '../../engine/index.ts';
import { transcriptLines } from '../store/transcript.ts';
import { currentLink } from './startup.ts';
import { exportSequenceSvg } from '../sequence/exportSequenceSvg.ts';
import type { SequenceRange } from '../sequence/exportSequenceSvg.ts';
import { flipGif, memoryPng, memorySvg } from '../memory/exportMemory.ts';
import { useLessons } from '../lessons/lessonStore.ts';

export function ShareMenu() {
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState('');
  const [status, setStatus] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [range, setRange] = useState<SequenceRange>('command');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    // Escape closes the menu and gives the focus back to the button that opened it
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
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
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied. Anyone who opens it sees this lab at this moment.');
    } catch {
      setStatus('Select the link below and copy it.');
    }
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

  const exportMemorySvg = () => {
    const svg = memorySvg();
    if (!svg) return setStatus('The Memory view is not on the page.');
    download('lparlab-memory.svg', svg.text, 'image/svg+xml');
    setStatus('Saved the Memory view at the playhead.');
  };

  const exportMemoryPng = async () => {
    setBusy(true);
    try {
      const png = await memoryPng(2);
      if (!png) return setStatus('The Memory view is not on the page.');
      downloadBlob('lparlab-memory.png', png);
      setStatus('Saved the Memory view at twice its size.');
    } finally {
      setBusy(false);
    }
  };

  const exportFlip = async () => {
    setBusy(true);
    setStatus('Drawing each step of the command…');
    try {
      const gif = await flipGif();
      if (!gif.ok) return setStatus(gif.message);
      downloadBlob('lparlab-flip.gif', new Blob([gif.bytes as BlobPart], { type: 'image/gif' }));
      setStatus(`Saved the command as an animation of ${gif.frames} pictures.`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="share" ref={root}>
      <button type="button" ref={opener} aria-expanded={open} aria-controls="share-menu" onClick={() => setOpen(!open)}>
        Share &amp; export
      </button>
      {open && (
        <div id="share-menu" className="share-menu" role="group" aria-label="share and export">
          <button type="button" onClick={() => void makeLink()}>Copy a link to this lab</button>
          {link && <input className="share-link" readOnly value={link} aria-label="share link" onFocus={(e) => e.currentTarget.select()} />}
          <button type="button" onClick={exportTrace}>Trace (JSON)</button>
          <div className="share-row">
            <button type="button" onClick={exportSequence}>Sequence chart (SVG)</button>
            <select value={range} onChange={(e) => setRange(e.target.value as SequenceRange)} aria-label="which arrows the sequence chart shows">
              <option value="command">this command</option>
              <option value="step">this lesson step</option>
              <option value="all">everything</option>
            </select>
          </div>
          <button type="button" onClick={exportMemorySvg}>Memory view (SVG)</button>
          <button type="button" onClick={() => void exportMemoryPng()} disabled={busy}>Memory view (PNG, 2x)</button>
          <button type="button" onClick={() => void exportFlip()} disabled={busy}>This command as an animation (GIF)</button>
          <button type="button" onClick={() => { download('lparlab-transcript.txt', `${transcriptLines().map(visible).join('\n')}\n`, 'text/plain'); setStatus('Saved the terminal transcript.'); }}>Terminal transcript (text)</button>
          <p className="share-status" role="status">{status}</p>
        </div>
      )}
    </div>
  );
}

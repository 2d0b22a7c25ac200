// Share and export: a link that rebuilds this lab, the trace as JSON, the
// sequence chart as SVG, the terminal transcript as text.

import { useEffect, useRef, useState } from 'react';
import { useLab, useShownEvents } from '../store/labStore.ts';
import { download, jsonFile } from './download.ts';
import { visible } from '../../engine/index.ts';
import { transcriptLines } from '../store/transcript.ts';
import { currentLink } from './startup.ts';
import { exportSequenceSvg } from '../sequence/exportSequenceSvg.ts';

export function ShareMenu() {
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState('');
  const [status, setStatus] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const events = useShownEvents();

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
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
    const { shell } = useLab.getState();
    const trace = { format: 'lparlab-trace', version: 1, seed: shell.timeline.config.seed, lines: shell.history.toArray(), events };
    download('lparlab-trace.json', jsonFile(trace), 'application/json');
    setStatus(`Saved ${events.length} events.`);
  };

  return (
    <div className="share" ref={root}>
      <button type="button" aria-expanded={open} aria-controls="share-menu" onClick={() => setOpen(!open)}>
        Share &amp; export
      </button>
      {open && (
        <div id="share-menu" className="share-menu" role="group" aria-label="share and export">
          <button type="button" onClick={() => void makeLink()}>Copy a link to this lab</button>
          {link && <input className="share-link" readOnly value={link} aria-label="share link" onFocus={(e) => e.currentTarget.select()} />}
          <button type="button" onClick={exportTrace}>Trace (JSON)</button>
          <button type="button" onClick={() => { download('lparlab-sequence.svg', exportSequenceSvg(), 'image/svg+xml'); setStatus('Saved the sequence chart.'); }}>Sequence chart (SVG)</button>
          <button type="button" onClick={() => { download('lparlab-transcript.txt', `${transcriptLines().map(visible).join('\n')}\n`, 'text/plain'); setStatus('Saved the terminal transcript.'); }}>Terminal transcript (text)</button>
          <p className="share-status" role="status">{status}</p>
        </div>
      )}
    </div>
  );
}

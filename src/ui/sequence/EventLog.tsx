// The trace as a list, newest last, each line with its patent tag. The live
// sequence chart replaces it later; the tags and words are the same.

import { useLab } from '../store/labStore.ts';
import { traceOf } from '../../engine/index.ts';

export function EventLog({ limit = 40 }: { limit?: number }) {
  const timeline = useLab((s) => s.timeline);
  const events = traceOf(timeline).slice(-limit);
  return (
    <ol className="event-log" aria-label="trace: the latest events with their patent steps">
      {events.map((e) => (
        <li key={e.seq} data-tag={e.tag}>
          <span className="tag">{e.tag}</span> {e.say}
        </li>
      ))}
    </ol>
  );
}

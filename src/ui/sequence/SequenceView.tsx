// Placeholder until the Sequence view (Figs. 6, 8, 11) is drawn with d3.
import { useShownEvents } from '../store/labStore.ts';

export function SequenceView() {
  const events = useShownEvents().slice(-30);
  return (
    <ol className="event-log">
      {events.map((e) => (
        <li key={e.seq} data-tag={e.tag}><span className="tag">{e.tag}</span> {e.say}</li>
      ))}
    </ol>
  );
}

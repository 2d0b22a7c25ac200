// The first page: the machine's partitions, its physical frames, the trace,
// and buttons that make the guest calls of Fig. 6 one at a time.

import { DEMO_ACTIONS } from './demoActions.ts';
import { useLab, useLabState } from '../store/labStore.ts';
import { FrameGrid } from '../memory/FrameGrid.tsx';
import { PartitionList } from '../layers/PartitionList.tsx';
import { EventLog } from '../sequence/EventLog.tsx';
import './app.css';

function Outcome() {
  const last = useLab((s) => s.last);
  if (!last) return <p className="outcome" aria-live="polite">Moved in time.</p>;
  const text = last.result.ok ? `= ${JSON.stringify(last.result.value)}` : `= -1 ${last.result.error.errno}: ${last.result.error.message}`;
  return (
    <p className={last.result.ok ? 'outcome' : 'outcome error'} aria-live="polite">
      {text}
    </p>
  );
}

export function App() {
  const state = useLabState();
  const { run, back, forward, reset } = useLab.getState();
  const cursor = useLab((s) => s.timeline.cursor);
  const length = useLab((s) => s.timeline.length);
  return (
    <main className="lab">
      <header>
        <h1>lparlab</h1>
        <p>Message passing between logical partitions by flipping page ownership: the sender's pages become the receiver's, and nothing is copied.</p>
      </header>
      <section aria-labelledby="calls-title" className="calls">
        <h2 id="calls-title">Guest calls of Fig. 6</h2>
        <div className="buttons">
          {DEMO_ACTIONS.map((action) => {
            const command = action.command(state);
            return (
              <button key={action.label} type="button" disabled={!command} onClick={() => command && run(command)}>
                <span className="tag">{action.step}</span> {action.label}
              </button>
            );
          })}
        </div>
        <div className="buttons">
          <button type="button" onClick={back} disabled={cursor === 0}>Step back</button>
          <button type="button" onClick={forward} disabled={cursor === length}>Step forward</button>
          <button type="button" onClick={() => reset()}>Reset</button>
          <span className="moment">moment {cursor} of {length}</span>
        </div>
        <Outcome />
      </section>
      <section aria-labelledby="parts-title">
        <h2 id="parts-title">Partitions</h2>
        <PartitionList state={state} />
      </section>
      <section aria-labelledby="mem-title">
        <h2 id="mem-title">Physical memory (Figs. 4-5)</h2>
        <p className="legend">{state.frames.count} frames of 4 KiB, {state.frames.free} free. Each cell shows its owner: • the control OS, a letter for a partition, blank when free.</p>
        <FrameGrid state={state} />
      </section>
      <section aria-labelledby="trace-title">
        <h2 id="trace-title">Trace</h2>
        <EventLog />
      </section>
    </main>
  );
}

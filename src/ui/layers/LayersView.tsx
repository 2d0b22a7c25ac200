// The Layers view (Fig. 3): the control OS at the bottom in hypervisor mode;
// above it, side by side, the system control OS (problem mode) running the
// system control program and the guest OSes (supervisor mode). Each
// partition stands in its own column with its resources [0051] a)-h) as
// used / limit, its state (active or ended [0053]) and the call it waits in.

import { useMemo } from 'react';
import type { CSSProperties } from 'react';
import { RESOURCE_KINDS } from '../../engine/index.ts';
import type { ResourceKind } from '../../engine/index.ts';
import { layersView, RESOURCE_UNITS } from '../../engine/index.ts';
import type { LayerPartition, LayersModel, ResourceBar } from '../../engine/index.ts';
import { useDisplayState, useShownEvents } from '../store/labStore.ts';
import { partitionColour } from '../app/palette.ts';
import { useReducedMotion } from '../app/motion.ts';
import { useMomentBefore } from '../machine/useMomentBefore.ts';
import './layers.css';

/** What the current step changed: bars whose amount or limit moved, partitions that appeared or ended. */
function changes(now: LayersModel, before: LayersModel | null): Set<string> {
  const changed = new Set<string>();
  if (!before) return changed;
  for (const p of now.partitions) {
    const was = before.partitions.find((q) => q.pid === p.pid);
    if (!was || was.status !== p.status) changed.add(`${p.pid}`);
    for (const r of p.resources ?? []) {
      const old = was?.resources?.find((x) => x.resource === r.resource);
      if (old && (old.used !== r.used || old.limit !== r.limit)) changed.add(`${p.pid}:${r.resource}`);
    }
  }
  return changed;
}

export function LayersView() {
  const state = useDisplayState();
  const events = useShownEvents();
  const before = useMomentBefore('step');
  const reduced = useReducedMotion();
  const model = useMemo(() => layersView(state, events), [state, events]);
  const previous = useMemo(() => (before ? layersView(before) : null), [before]);
  const changed = useMemo(() => changes(model, previous), [model, previous]);
  const { control } = model;

  return (
    <div className={`layers-view${reduced ? ' reduced' : ''}`} role="region" aria-label="Layers: the partitions above the control OS" tabIndex={0}>
      <div className="lv-stack" style={{ '--lpars': model.partitions.length } as CSSProperties}>
        <div className="lv-labels" aria-hidden="true">
          <div className="lv-corner">
            resources <span className="lv-ref">[0051]</span>
          </div>
          {RESOURCE_KINDS.map((k) => (
            <ResourceLabel key={k} resource={k} />
          ))}
        </div>
        {model.partitions.map((p) => (
          <Partition key={p.pid} p={p} changed={changed} />
        ))}
        <section className="lv-control" aria-labelledby="lv-control-title">
          <h3 id="lv-control-title">
            Control OS <span className="lv-ref">301</span>
          </h3>
          <span className="lv-mode">hypervisor mode</span>
          <span className="lv-facts">
            keeps {control.frames.toLocaleString('en')} frames · {control.channels} message channel{control.channels === 1 ? '' : 's'}
            <span className="lv-long"> · allocates every partition's resources and enforces its limits [0044], [0055]</span>
          </span>
        </section>
      </div>
    </div>
  );
}

function ResourceLabel({ resource }: { resource: ResourceKind }) {
  const u = RESOURCE_UNITS[resource];
  return (
    <div className="lv-label" title={`${u.label}, in ${u.unit}`}>
      <span className="lv-letter">{u.letter})</span> <span className="lv-key">{resource}</span>
      <span className="lv-long"> {u.label}</span>
    </div>
  );
}

function Partition({ p, changed }: { p: LayerPartition; changed: ReadonlySet<string> }) {
  const colour = partitionColour(p.pid);
  const titleId = `lv-lpar-${p.pid}`;
  return (
    <section
      className={`lv-lpar ${p.role} ${p.status}${changed.has(`${p.pid}`) ? ' changed' : ''}`}
      data-partition={p.name}
      data-status={p.status}
      aria-labelledby={titleId}
      style={{ '--c': colour } as CSSProperties}
    >
      <header className="lv-head">
        <h3 id={titleId}>
          <span className="lv-swatch" aria-hidden="true" />
          <span className="lv-name">{p.name}</span>
          <span className="lv-title">
            {p.title}
            {p.role === 'system' ? ' 304' : ''}
          </span>
          <span className="lv-mode inline">{p.mode}</span>
        </h3>
        <p className="lv-state">
          <span className="lv-mode line">{p.mode} mode</span>
          {p.status === 'ended' ? (
            <span className="lv-pill ended">ended</span>
          ) : p.wait ? (
            <span className="lv-pill waiting" title={`waiting in ${p.wait.text} until ${p.wait.until}`}>
              <span className="lv-sr">waiting </span>in {p.wait.text}
            </span>
          ) : (
            <span className="lv-pill active">active</span>
          )}
        </p>
      </header>
      {p.resources ? (
        <ul className="lv-bars" aria-label={`${p.name}'s resources, used of limit`}>
          {p.resources.map((r) => (
            <Bar key={r.resource} name={p.name} bar={r} changed={changed.has(`${p.pid}:${r.resource}`)} />
          ))}
        </ul>
      ) : (
        <p className="lv-gone">{endedText(p.endedBy)}</p>
      )}
    </section>
  );
}

/**
 * What ending did. [0053] says only that a partition ends at its own guest
 * OS's request and its logical processors stop; closing its channels and
 * freeing its pages is the lab's, and so is the program ending a partition.
 */
export function endedText(by: LayerPartition['endedBy']): string {
  const rest = 'its channels closed (S110-S111) and every page it held went back to free memory (the lab\'s clean-up).';
  switch (by) {
    case 'guest': return `Ended at its own guest OS's request: its logical processors stopped [0053]; ${rest}`;
    case 'program': return `Ended by the system control program (lpar_end, the lab's extension: in [0053] a guest OS ends its own partition): its logical processors stopped; ${rest}`;
    case null: return `Ended: its logical processors stopped; ${rest}`;
  }
}

function Bar({ name, bar, changed }: { name: string; bar: ResourceBar; changed: boolean }) {
  const amount = bar.limit === null ? `${bar.used} ${bar.unit}, no limit` : `${bar.used} of ${bar.limit} ${bar.unit}${bar.atLimit ? ', at its limit' : ''}`;
  const label = `${name} ${bar.resource} ${amount}`;
  return (
    <li className={`lv-bar${bar.limit === null ? ' unlimited' : ''}${bar.atLimit ? ' full' : ''}${changed ? ' changed' : ''}`} data-resource={bar.resource}>
      <span className="lv-track" role="img" aria-label={label} title={`${bar.meaning}: ${amount}`}>
        {bar.fraction !== null ? (
          bar.fraction > 0 && <span className="lv-fill" style={{ width: `${bar.fraction * 100}%` }} />
        ) : (
          <span className="lv-nolimit" aria-hidden="true">
            no limit
          </span>
        )}
      </span>
      <span className="lv-value" aria-hidden="true">
        {bar.used.toLocaleString('en')}
        <span className="lv-of">/{bar.limit === null ? '∞' : bar.limit.toLocaleString('en')}</span>
      </span>
    </li>
  );
}

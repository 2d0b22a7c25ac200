// The Layers view (Fig. 3): the control OS at the bottom in hypervisor mode;
// above it, side by side, the system control OS (problem mode) running the
// system control program and the guest OSes (supervisor mode). Each
// partition stands in its own column with its resources [0051] a)-h) as
// used / limit, its state (active or ended [0053]) and the call it waits in.

import { useMemo } from 'react';
import type { CSSProperties } from 'react';
import { RESOURCE_KINDS, SCP_PID } from '../../engine/index.ts';
import type { ResourceKind } from '../../engine/index.ts';
import { layersView, RESOURCE_UNITS } from '../../engine/index.ts';
import type { LayerPartition, LayersModel, ResourceBar } from '../../engine/index.ts';
import { useDisplayState, useShownEvents } from '../store/labStore.ts';
import { partitionColour } from '../app/palette.ts';
import { useReducedMotion } from '../app/motion.ts';
import { useMomentBefore } from '../machine/useMomentBefore.ts';
import { useT } from '../app/language.ts';
import { MODE_WORDS, RESOURCE_WORDS, ROLE_WORDS, waitUntil } from '../app/engineWords.ts';
import type { Translate } from '../../i18n/translate.ts';
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
  const t = useT();
  const state = useDisplayState();
  const events = useShownEvents();
  const before = useMomentBefore('step');
  const reduced = useReducedMotion();
  const model = useMemo(() => layersView(state, events), [state, events]);
  const previous = useMemo(() => (before ? layersView(before) : null), [before]);
  const changed = useMemo(() => changes(model, previous), [model, previous]);
  const { control } = model;

  return (
    <div className={`layers-view${reduced ? ' reduced' : ''}`} role="region" aria-label={t('layers.label')} tabIndex={0}>
      {/* the cards say "scp": "scp" reads as secure copy, so the view names the program first [0048] */}
      <p className="lv-scpkey">{t('scp.key', { name: 'scp', pid: SCP_PID })}</p>
      <div className="lv-stack" style={{ '--lpars': model.partitions.length } as CSSProperties}>
        <div className="lv-labels" aria-hidden="true">
          <div className="lv-corner">
            {t('layers.resources')} <span className="lv-ref">[0051]</span>
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
            {t('layers.control')} <span className="lv-ref">301</span>
          </h3>
          <span className="lv-mode">{t('layers.mode.hypervisor')}</span>
          <span className="lv-facts">
            {t('layers.keeps', { frames: control.frames.toLocaleString('en'), channels: control.channels })}
            <span className="lv-long">{t('layers.allocates')}</span>
          </span>
        </section>
      </div>
    </div>
  );
}

function ResourceLabel({ resource }: { resource: ResourceKind }) {
  const t = useT();
  const u = RESOURCE_UNITS[resource];
  const words = RESOURCE_WORDS[resource];
  return (
    <div className="lv-label" title={t('layers.resource.title', { label: t(words.label), unit: t(words.unit) })}>
      <span className="lv-letter">{u.letter})</span> <span className="lv-key">{resource}</span>
      <span className="lv-long"> {t(words.label)}</span>
    </div>
  );
}

function Partition({ p, changed }: { p: LayerPartition; changed: ReadonlySet<string> }) {
  const t = useT();
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
            {t(ROLE_WORDS[p.role])}
            {p.role === 'system' ? ' 304' : ''}
          </span>
          <span className="lv-mode inline">{t(MODE_WORDS[p.mode].short)}</span>
        </h3>
        <p className="lv-state">
          <span className="lv-mode line">{t(MODE_WORDS[p.mode].long)}</span>
          {p.status === 'ended' ? (
            <span className="lv-pill ended">{t('layers.ended')}</span>
          ) : p.wait ? (
            <span className="lv-pill waiting" title={t('layers.waiting.title', { call: p.wait.text, until: waitUntil(t, p.wait) })}>
              <span className="lv-sr">{t('layers.waiting.sr')}</span>{t('layers.waiting', { call: p.wait.text })}
            </span>
          ) : (
            <span className="lv-pill active">{t('layers.active')}</span>
          )}
        </p>
      </header>
      {p.resources ? (
        <ul className="lv-bars" aria-label={t('layers.bars', { name: p.name })}>
          {p.resources.map((r) => (
            <Bar key={r.resource} name={p.name} bar={r} changed={changed.has(`${p.pid}:${r.resource}`)} />
          ))}
        </ul>
      ) : (
        <p className="lv-gone">{endedText(t, p.endedBy)}</p>
      )}
    </section>
  );
}

/**
 * What ending did. [0053] says only that a partition ends at its own guest
 * OS's request and its logical processors stop; closing its channels and
 * freeing its pages is the lab's, and so is the program ending a partition.
 */
export function endedText(t: Translate, by: LayerPartition['endedBy']): string {
  return t('layers.gone', { by: by ?? 'unknown' });
}

function Bar({ name, bar, changed }: { name: string; bar: ResourceBar; changed: boolean }) {
  const t = useT();
  const words = RESOURCE_WORDS[bar.resource];
  const unit = t(words.unit);
  const amount = bar.limit === null
    ? t('layers.amount.unlimited', { used: String(bar.used), unit })
    : t('layers.amount', { used: String(bar.used), limit: String(bar.limit), unit, full: bar.atLimit });
  const label = `${name} ${bar.resource} ${amount}`;
  return (
    <li className={`lv-bar${bar.limit === null ? ' unlimited' : ''}${bar.atLimit ? ' full' : ''}${changed ? ' changed' : ''}`} data-resource={bar.resource}>
      <span className="lv-track" role="img" aria-label={label} title={t('layers.bar.title', { meaning: t(words.meaning), amount })}>
        {bar.fraction !== null ? (
          bar.fraction > 0 && <span className="lv-fill" style={{ width: `${bar.fraction * 100}%` }} />
        ) : (
          <span className="lv-nolimit" aria-hidden="true">
            {t('layers.nolimit')}
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

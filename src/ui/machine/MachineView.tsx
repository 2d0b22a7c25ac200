// The Machine view (Figs. 1-2): the processor module 101 as the main
// processor group and the sub-processor groups, each with its memory
// controller and secondary cache [0041]-[0042]; on every physical unit, the
// partition whose logical processor runs there in this time slice and the
// logical processors the control OS placed there [0054]; and main memory
// (DRAM 103) split by owner [0051]. Read-only: time slices run with tick(n).

import { useMemo } from 'react';
import type { CSSProperties } from 'react';
import { machineView, SCP_PID } from '../../engine/index.ts';
import type { DramSlice, LpPlacement, MachineModel, UnitCell } from '../../engine/index.ts';
import { useDisplayState, useFocusEvent } from '../store/labStore.ts';
import { CONTROL_COLOUR, FREE_COLOUR, partitionColour } from '../app/palette.ts';
import { textOn } from './ink.ts';
import { useReducedMotion } from '../app/motion.ts';
import { useMomentBefore } from './useMomentBefore.ts';
import { useT } from '../app/language.ts';
import type { MessageKey, Translate } from '../../i18n/translate.ts';
import './machine.css';

const MARKED_EVENTS: ReadonlySet<string> = new Set(['sched.slice', 'lp.place', 'lp.stop']);

const PLACEMENT_TEXT: Record<LpPlacement['placement'], MessageKey> = {
  'one-to-one': 'machine.placement.oneToOne',
  'one-on-several': 'machine.placement.oneOnSeveral',
  shared: 'machine.placement.shared',
};

/** A unit's full name ("main unit 1", "sub group 2 unit 0"), as the engine's unitName says it, in the reader's language. */
function unitName(t: Translate, cell: Pick<UnitCell, 'group' | 'slot'>): string {
  return t('machine.unit', { group: String(cell.group), slot: cell.slot });
}

/** A slice of main memory's owner: a partition's name, or the control OS's or the free frames' in the reader's language. */
function ownerName(t: Translate, s: DramSlice): string {
  return s.owner === 'control' ? t('machine.owner.control') : s.owner === 'free' ? t('machine.owner.free') : s.name;
}

/** "main 1" or "sub1 0": short enough for a list, with the group spelled in full on hover. */
function shortUnit(t: Translate, cell: Pick<UnitCell, 'group' | 'slot'>): string {
  return t('machine.unit.short', { group: String(cell.group), slot: cell.slot });
}

const count = (n: number) => n.toLocaleString('en');

/** A logical processor as the shell names it ("lp3"), the same in every language. */
const lpId = (lp: number) => `lp${lp}`;

/** Main memory with its reference numeral in Figs. 1-2: "DRAM" is read as it is in Japanese too. */
const DRAM_REF = 'DRAM 103';

function bytes(t: Translate, n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  const amount = String(Number.isInteger(n) ? n : n.toFixed(1));
  return i === 0 ? t('machine.bytes', { n: amount }) : `${amount} ${units[i]}`;
}

function sliceColour(s: DramSlice): string {
  if (s.owner === 'control') return CONTROL_COLOUR;
  if (s.owner === 'free') return FREE_COLOUR;
  return partitionColour(s.owner);
}

/** Units whose running processor (or placement) differs from the moment before. */
function changedUnits(now: MachineModel, before: MachineModel | null): { switched: Set<number>; placed: Set<number> } {
  const switched = new Set<number>();
  const placed = new Set<number>();
  if (!before) return { switched, placed };
  const old = before.groups.flatMap((g) => g.units);
  for (const cell of now.groups.flatMap((g) => g.units)) {
    const was = old[cell.index];
    if (!was) continue;
    if ((was.running?.lp ?? null) !== (cell.running?.lp ?? null)) switched.add(cell.index);
    if (was.placed.map((p) => p.lp).join() !== cell.placed.map((p) => p.lp).join()) placed.add(cell.index);
  }
  return { switched, placed };
}

export function MachineView() {
  const t = useT();
  const state = useDisplayState();
  const focus = useFocusEvent();
  // mark only what the event at the playhead did: a time slice, a placement, a stop
  const marking = focus !== null && MARKED_EVENTS.has(focus.kind);
  const before = useMomentBefore('event', marking);
  const reduced = useReducedMotion();
  const model = useMemo(() => machineView(state), [state]);
  const previous = useMemo(() => (before ? machineView(before) : null), [before]);
  const marks = useMemo(() => changedUnits(model, marking ? previous : null), [model, previous, marking]);
  const cells = useMemo(() => model.groups.flatMap((g) => g.units), [model]);

  return (
    <div className={`machine-view${reduced ? ' reduced' : ''}`} role="region" aria-label={t('machine.label')} tabIndex={0}>
      {/* the units below say "scp lp1": "scp" reads as secure copy, so the view names the program first [0048] */}
      <p className="mv-key">{t('scp.key', { name: 'scp', pid: SCP_PID })}</p>
      <div className="mv-layout">
        <section className="mv-module" aria-labelledby="mv-module-title">
          <h3 id="mv-module-title" className="mv-title">
            {t('machine.module')} <span className="mv-ref">101</span>
            <span className="mv-sub">
              {model.tick === 0 ? t('machine.noSlice') : t('machine.slice', { tick: String(model.tick), busy: String(model.busy), units: String(model.groups.length * model.unitsPerGroup) })}
            </span>
          </h3>
          <ol className="mv-groups">
            {model.groups.map((g) => (
              <li key={g.group} className={`mv-group ${g.kind}`} aria-labelledby={`mv-group-${g.group}`}>
                <h4 id={`mv-group-${g.group}`} className="mv-group-head">
                  <span className="long">{g.kind === 'main' ? t('machine.group.main') : t('machine.group.sub', { group: g.group })}</span>
                  <span className="short">{g.kind === 'main' ? t('machine.group.main.short') : t('machine.group.sub.short', { group: g.group })}</span> <span className="mv-ref">{g.ref}</span>
                </h4>
                <ul className="mv-units" aria-label={t('machine.group.units', { main: g.kind === 'main', group: g.group })}>
                  {g.units.map((u) => (
                    <Unit key={u.index} cell={u} switched={marks.switched.has(u.index)} placed={marks.placed.has(u.index)} />
                  ))}
                </ul>
                <div className="mv-hw">
                  <span className="mv-chip" title={t('machine.mc.title')}>
                    <span className="long">{t('machine.mc')}</span>
                    <span className="short">{t('machine.mc.short')}</span>
                  </span>
                  <span className="mv-chip" title={t('machine.l2.title')}>
                    <span className="long">{t('machine.l2')}</span>
                    <span className="short">L2</span>
                  </span>
                </div>
              </li>
            ))}
          </ol>
        </section>
        <Dram model={model} />
        <section className="mv-lps" aria-labelledby="mv-lps-title">
          <h3 id="mv-lps-title" className="mv-title">
            {t('machine.lps')} <span className="mv-ref">[0054]</span>
          </h3>
          <ul>
            {model.lps.map((lp) => (
              <li key={lp.lp} data-lp={lp.lp}>
                <span className="mv-lp-name" style={{ '--c': partitionColour(lp.pid) } as CSSProperties}>
                  {lp.name} {lpId(lp.lp)}
                </span>
                <span className="mv-lp-units" title={lp.units.map((i) => unitName(t, cells[i]!)).join(', ')}>
                  → {lp.units.map((i) => shortUnit(t, cells[i]!)).join(' + ')}
                </span>
                <span className={`mv-lp-kind ${lp.placement}`}>{t(PLACEMENT_TEXT[lp.placement])}</span>
              </li>
            ))}
            {model.lps.length === 0 && <li className="mv-empty">{t('machine.noLps')}</li>}
          </ul>
        </section>
      </div>
    </div>
  );
}

function Unit({ cell, switched, placed }: { cell: UnitCell; switched: boolean; placed: boolean }) {
  const t = useT();
  const run = cell.running;
  const colour = run ? partitionColour(run.pid) : undefined;
  const queue = cell.placed.map((p) => `${p.name} lp${p.lp}`).join(', ');
  const label = t('machine.unit.label', { unit: unitName(t, cell), running: run !== null, name: run?.name ?? '', lp: run ? String(run.lp) : '', placed: cell.placed.length > 0, queue });
  const style = run ? ({ '--c': colour, '--ink-on': textOn(colour!) } as CSSProperties) : undefined;
  // the others in this unit's round-robin queue, waiting for a slice here [0054]
  const others = cell.placed.filter((p) => p.lp !== run?.lp);
  return (
    <li
      className={`mv-unit${run ? ' running' : ''}${cell.placed.length ? '' : ' empty'}${switched ? ' switched' : ''}${placed ? ' placed' : ''}`}
      data-unit={cell.index}
      data-running={run?.name ?? ''}
      aria-label={label}
      title={label}
      style={style}
    >
      <span className="mv-unit-no" aria-hidden="true">{cell.slot}</span>
      <span className="mv-unit-run" aria-hidden="true">
        {run ? <b>{run.name}</b> : cell.placed.length ? <span className="idle">{t('machine.idle')}</span> : null}
      </span>
      {(run || others.length > 0) && (
        <span className="mv-unit-queue" aria-hidden="true">
          {run && <span className="lp">{lpId(run.lp)}</span>}
          {others.map((p) => (
            <span key={p.lp} className="mv-q" style={{ '--q': partitionColour(p.pid) } as CSSProperties} title={t('machine.waits', { name: p.name, lp: String(p.lp) })}>
              {p.name} {lpId(p.lp)}
            </span>
          ))}
        </span>
      )}
    </li>
  );
}

function Dram({ model }: { model: MachineModel }) {
  const t = useT();
  const { dram } = model;
  const label = dram.slices.map((s) => `${ownerName(t, s)} ${count(s.frames)}`).join(', ');
  return (
    <section className="mv-dram" aria-labelledby="mv-dram-title">
      <h3 id="mv-dram-title" className="mv-title">
        {t('machine.dram')} <span className="mv-ref">{DRAM_REF}</span>
        <span className="mv-sub">
          {t('machine.dram.size', { frames: count(dram.frames), page: bytes(t, dram.pageSize), total: bytes(t, dram.bytes) })}
        </span>
      </h3>
      <div className="mv-dram-bar" role="img" aria-label={t('machine.dram.label', { owners: label })}>
        {dram.slices
          .filter((s) => s.frames > 0)
          .map((s) => (
            <span
              key={String(s.owner)}
              className={`mv-seg ${typeof s.owner === 'number' ? 'lpar' : s.owner}`}
              style={{ flexGrow: s.frames, background: sliceColour(s), color: textOn(sliceColour(s)) }}
              title={t('machine.dram.slice', { name: ownerName(t, s), frames: count(s.frames) })}
            >
              {s.frames / dram.frames >= 0.09 ? ownerName(t, s) : ''}
            </span>
          ))}
      </div>
      <ul className="mv-legend">
        {dram.slices.map((s) => (
          <li key={String(s.owner)} data-owner={s.name}>
            <span className={`mv-swatch ${s.owner === 'free' ? 'free' : ''}`} style={{ background: sliceColour(s) }} aria-hidden="true" />
            {ownerName(t, s)} <b>{count(s.frames)}</b>
          </li>
        ))}
      </ul>
    </section>
  );
}

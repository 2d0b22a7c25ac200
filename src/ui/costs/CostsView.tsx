// The cost model, shown and editable: what a flip, a copy and shared memory
// cost by message size, where the flip starts to win, the parameters behind
// it (each edit is a cost() call, so it is recorded like any other), and the
// browser's own ArrayBuffer transfer and clone measured live beside them.

import { costLine } from './costLine.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { COST_PARAMS, costCurve, crossover, DEFAULT_COSTS } from '../../engine/index.ts';
import type { CostParam } from '../../engine/index.ts';
import { useDisplayState, useLab } from '../store/labStore.ts';
import { drawCosts, formatBytes, SERIES } from './drawCosts.ts';
import type { Measurement } from './measureTransfer.ts';
import { measureTransfers } from './measureTransfer.ts';
import { useT } from '../app/language.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import './costs.css';

const MEASURE_SIZES = [1024, 4096, 16384, 65536, 262144, 1048576, 4194304];

const PARAM_WORDS: Record<CostParam, MessageKey> = {
  hypercall: 'costs.param.hypercall',
  pteUpdate: 'costs.param.pteUpdate',
  tlbLocal: 'costs.param.tlbLocal',
  tlbShootdown: 'costs.param.tlbShootdown',
  copyPerByte: 'costs.param.copyPerByte',
  contextSwitch: 'costs.param.contextSwitch',
  eventDelivery: 'costs.param.eventDelivery',
};

export function CostsView() {
  const t = useT();
  const state = useDisplayState();
  const [spread, setSpread] = useState(true);
  const [measured, setMeasured] = useState<Measurement[]>([]);
  const [status, setStatus] = useState('');
  const svg = useRef<SVGSVGElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 520, height: 240 });
  const curve = useMemo(() => costCurve(state.costs, spread), [state.costs, spread]);
  const cross = useMemo(() => crossover(state.costs, spread), [state.costs, spread]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      const r = entry!.contentRect;
      setSize({ width: Math.round(r.width), height: Math.round(r.height) });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (svg.current) drawCosts(svg.current, { curve, cyclesPerUs: state.costs.hz / 1e6, crossover: cross, measured, t, ...size });
  }, [curve, cross, measured, size, state.costs.hz, t]);

  // a refused value does not stay in its box: the inputs are drawn again from the model
  const [revision, setRevision] = useState(0);
  const setParam = (param: CostParam, value: string) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0) {
      setStatus(t('costs.refused', { param, value: String(state.costs[param]) }));
      setRevision((r) => r + 1);
      return;
    }
    const { out } = useLab.getState().submit(costLine(param, n));
    const error = out.find((o) => o.kind === 'error');
    if (error && error.kind === 'error') setRevision((r) => r + 1);
    setStatus(error && error.kind === 'error' ? error.message : t('costs.set', { param, value: String(useLab.getState().shell.timeline.current.costs[param]) }));
  };

  const measure = async () => {
    setStatus(t('costs.measuring'));
    try {
      const result = await measureTransfers(MEASURE_SIZES, 9, (done) => setStatus(t('costs.measuring.progress', { done, sizes: MEASURE_SIZES.length })));
      setMeasured(result);
      setStatus(t('costs.measured', { detached: result.every((m) => m.detached) }));
    } catch (e) {
      setStatus(t('costs.failed', { error: (e as Error).message }));
    }
  };

  return (
    <div className="costs">
      <div className="costs-plot">
        <div className="plot-box" ref={box}>
          <svg ref={svg} preserveAspectRatio="none" role="img" aria-label={cross === null ? t('costs.plot.copy') : t('costs.plot.flip', { size: formatBytes(cross) })} />
        </div>
        <ul className="legend" aria-label={t('costs.legend')}>
          {SERIES.map((s) => <li key={s.key}><span className={`key ${s.className}`} aria-hidden="true" />{t(s.label)}</li>)}
          <li><span className="key dot measured-transfer" aria-hidden="true" />{t('costs.measuredTransfer')}</li>
          <li><span className="key dot measured-clone" aria-hidden="true" />{t('costs.measuredClone')}</li>
        </ul>
      </div>
      <form className="costs-params" onSubmit={(e) => e.preventDefault()} aria-label={t('costs.params')}>
        <label className="check"><input type="checkbox" checked={spread} onChange={(e) => setSpread(e.target.checked)} /> {t('costs.spread')}</label>
        {COST_PARAMS.map((param) => (
          <label key={param}>
            <span>{t(PARAM_WORDS[param])}</span>
            <input
              type="number" min={0} step="any" defaultValue={state.costs[param]} key={`${param}-${state.costs[param]}-${revision}`}
              onBlur={(e) => Number(e.target.value) !== state.costs[param] && setParam(param, e.target.value)}
              onKeyDown={(e) => e.key === 'Enter' && setParam(param, (e.target as HTMLInputElement).value)}
              aria-describedby="costs-unit"
            />
          </label>
        ))}
        <p id="costs-unit" className="unit">{t('costs.unit', { ghz: String(state.costs.hz / 1e9), defaults: COST_PARAMS.map((p) => DEFAULT_COSTS[p]).join(', ') })}</p>
        <button type="button" onClick={() => void measure()}>{t('costs.measure')}</button>
        <p className="status" role="status">{status}</p>
      </form>
    </div>
  );
}

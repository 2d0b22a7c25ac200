// The line the Costs view types for an edited parameter. It is written with
// the value as entered: a cost may be a fraction of a cycle (copyPerByte is
// 0.3 by default), and rounding it turned 0.3 into 0 and 0.5 into 1.

import type { CostParam } from '../../engine/index.ts';

/** `cost(param, value)` with `value` in plain decimal digits, as the language reads numbers (never 1e-7). */
export function costLine(param: CostParam, value: number): string {
  const digits = value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 12 });
  return `cost(${param}, ${digits})`;
}

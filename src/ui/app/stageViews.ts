// Which views a lesson step needs on a presenter's or an embed's stage.
// Memory (Figs. 4-5) and Sequence (Fig. 6) always; Sockets when the step's
// lines use the socket calls (Figs. 7-12); Machine when they create, limit,
// end or list partitions (Figs. 1-3); Costs when they compare transfers.
// Decided from the step's own lines, before any of its events play, so the
// stage does not change while the step runs.

import type { LessonStep } from '../../engine/index.ts';
import { solutionOf } from '../../engine/index.ts';

export type StageView = 'memory' | 'sequence' | 'sockets' | 'machine' | 'costs';

const SOCKET_CALL = /(?:^|[^\w.])(?:socket|bind|listen|accept|open|read|write|select|mmap)\(|connect\(\s*\d/;
const MACHINE_CALL = /(?:^|[^\w.])(?:lpar_create|lpar_end|limit|policy|request|tick)\(|^\s*(?:lpars|ps)\s*$/;
const COST_CALL = /(?:^|[^\w.])compare\(/;

export function stageViewsOf(step: LessonStep | undefined): StageView[] {
  const views: StageView[] = ['memory', 'sequence'];
  if (!step) return views;
  const lines = [...step.type, ...solutionOf(step)];
  if (lines.some((l) => SOCKET_CALL.test(l))) views.push('sockets');
  if (lines.some((l) => MACHINE_CALL.test(l))) views.push('machine');
  if (lines.some((l) => COST_CALL.test(l))) views.push('costs');
  return views;
}

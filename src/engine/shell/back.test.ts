import { describe, expect, it } from 'vitest';
import { BACK_CASES } from '../testing/backCases.js';
import { createShell, runLine, seekShell } from './shell.js';
import { formatOutput } from './format.js';

// the same table the page runs in e2e/back.spec.ts
describe('back, as lparsh runs it', () => {
  for (const c of BACK_CASES) {
    it(c.name, () => {
      let shell = createShell();
      for (const step of c.steps) {
        if ('press' in step) {
          shell = seekShell(shell, step.press === 'go to the start' ? 0 : shell.timeline.length);
          continue;
        }
        const ran = runLine(shell, step.type);
        shell = ran.shell;
        if (step.prints !== undefined) expect(ran.out.flatMap(formatOutput).at(-1), step.type).toBe(step.prints);
      }
    });
  }
});

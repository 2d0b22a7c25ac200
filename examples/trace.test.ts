// Golden traces: every event each examples/*.lab script makes the machine
// do, boot included, one line each: its place and time, its cost, its tag,
// kind and lanes, what it moves, and the narration as the page and lparsh
// show it. The transcripts (src/cli/golden.test.ts) pin what a person sees
// typed back; these pin what the machine was shown doing meanwhile, so a
// wrong tag, a wrong cost or a wrong sentence in the trace fails here. To
// accept a change on purpose, run `UPDATE_GOLDEN=1 npx vitest run
// examples/trace.test.ts` and read the diff. Without the flag a missing
// .trace fails.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createShell, narrate, runLine, traceOf } from '../src/engine/index.ts';
import type { LabEvent } from '../src/engine/index.ts';

const EXAMPLES = import.meta.dirname;
const scripts = readdirSync(EXAMPLES).filter((f) => f.endsWith('.lab')).sort();

function traceLine(e: LabEvent): string {
  const moves = [
    e.frames ? `frames ${e.frames.join(',')}` : '',
    e.area !== undefined ? `area ${e.area}` : '',
    e.page !== undefined ? `page ${e.page}` : '',
    e.port !== undefined ? `port ${e.port}` : '',
    e.chan !== undefined ? `chan ${e.chan}` : '',
    e.sig !== undefined ? `sig ${e.sig}` : '',
  ].filter(Boolean).join(' ');
  return `${e.seq} @${e.at} +${e.cost} ${e.tag} ${e.kind} ${e.from}->${e.to}${moves ? ` [${moves}]` : ''}: ${narrate(e.say)}`;
}

function traceOfScript(script: string): string {
  let shell = createShell();
  for (const line of script.split('\n')) shell = runLine(shell, line).shell;
  return `${traceOf(shell.timeline).map(traceLine).join('\n')}\n`;
}

describe('golden traces (examples/*.lab)', () => {
  for (const script of scripts) {
    it(script, () => {
      const got = traceOfScript(readFileSync(join(EXAMPLES, script), 'utf8').replace(/\n$/, ''));
      const tracePath = join(EXAMPLES, script.replace(/\.lab$/, '.trace'));
      if (process.env.UPDATE_GOLDEN) writeFileSync(tracePath, got);
      expect(existsSync(tracePath), `${script} has no golden trace: write it with UPDATE_GOLDEN=1 and read it`).toBe(true);
      expect(got).toBe(readFileSync(tracePath, 'utf8'));
    });
  }
});

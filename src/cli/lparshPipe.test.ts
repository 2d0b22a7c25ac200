// lparsh writing into a pipe read more slowly than it writes (`| less`,
// `| (sleep 4; wc -l)`), and into one nobody reads any more (`| head`).
// Issue 18: with the pipe in non-blocking mode, as `npx` leaves it (its own
// Node process shares the pipe and switches it to non-blocking while it
// waits), writes failed with EAGAIN and the output was cut, with
// "cannot read FILE" as the message and status 2.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'lparsh.mjs');
const SPAWNS = 120_000;

const dir = mkdtempSync(join(tmpdir(), 'lparsh-pipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A script whose output (about 2 MB) is far more than a pipe holds: each line prints itself back as a syntax error. */
const LINES = 600;
const script = join(dir, 'long.lab');
writeFileSync(script, Array.from({ length: LINES }, (_, i) => `${'('.repeat(1000)} ${i}`).join('\n') + '\n');

/**
 * Stands in for npx: a Node process that touches its standard output (which
 * makes the shared pipe non-blocking) and runs lparsh on that same pipe.
 */
const WRAPPER = `
process.stdout.write('');
const { spawnSync } = require('node:child_process');
const run = spawnSync(process.execPath, process.argv.slice(1), { stdio: 'inherit' });
process.exitCode = run.status ?? 99;
`;

/** Run lparsh as npx would; the reader pauses once output starts, then reads on. `stop` closes the pipe after the first output instead. */
function throughSlowPipe(args: string[], stop = false): Promise<{ stdout: string; stderr: string; status: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', WRAPPER, BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let paused = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      stdout += text;
      if (stop) {
        child.stdout.destroy();
        return;
      }
      if (paused) return;
      paused = true;
      // a slow reader: nothing is read for a while, so lparsh finds the pipe full
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 1500);
    });
    child.stderr.on('data', (text: string) => void (stderr += text));
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout, stderr, status }));
  });
}

describe('lparsh into a slow pipe', () => {
  it('waits for the reader and writes every line', async () => {
    const run = await throughSlowPipe([script]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // three lines per refused line: the message, the line, the caret
    expect(run.stdout.split('\n').length - 1).toBe(3 * LINES);
    expect(run.stdout.split('\n').at(-2)).toMatch(/^\s*\^$/);
  }, SPAWNS);

  it('ends quietly with the usual status when the reader goes away (| head)', async () => {
    const run = await throughSlowPipe([script], true);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, SPAWNS);

  it.skipIf(!existsSync('/dev/full'))('reports output it cannot write as a write error, with status 2', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [BIN, script], { cwd: ROOT, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(run.stderr).toMatch(/^lparsh: cannot write standard output: ENOSPC/);
      expect(run.stderr).not.toMatch(/cannot read/);
      expect(run.status).toBe(2);
    } finally {
      closeSync(full);
    }
  }, SPAWNS);
});

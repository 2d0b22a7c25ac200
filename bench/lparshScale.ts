// How lparsh scales with script length: writes scripts of 12,500 to 100,000
// lines (bench/lparshScript.ts) and runs `lparsh` on each under
// /usr/bin/time, printing wall time, CPU time and peak resident memory. Time
// should grow linearly with the lines (each doubling about doubles it).
//
//   npx tsx bench/lparshScale.ts [--json] [LINES...]
//
// It prints figures for the reader; it writes no results file.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const TIME = '/usr/bin/time';
const args = process.argv.slice(2);
const json = args.includes('--json');
const counts = args.filter((a) => a !== '--json').map(Number);
const sizes = counts.length ? counts : [12_500, 25_000, 50_000, 100_000];
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  process.stderr.write('usage: npx tsx bench/lparshScale.ts [--json] [LINES...]\n');
  process.exit(2);
}
if (!existsSync(TIME)) {
  process.stderr.write(`${TIME} is needed to measure peak memory (apt-get install time)\n`);
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'lparsh-scale-'));
try {
  process.stdout.write(`${'lines'.padStart(8)} ${'wall s'.padStart(8)} ${'cpu s'.padStart(8)} ${'peak MB'.padStart(8)}\n`);
  for (const lines of sizes) {
    const script = join(dir, `${lines}.lab`);
    writeFileSync(script, execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'lparshScript.ts'), String(lines)], { cwd: ROOT, maxBuffer: 1 << 30 }));
    const run = spawnSync(TIME, ['-f', '%e %U %S %M', process.execPath, join(ROOT, 'bin', 'lparsh.mjs'), ...(json ? ['--json'] : []), script], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const last = run.stderr.trim().split('\n').at(-1) ?? '';
    const [wall, user, sys, kb] = last.split(' ').map(Number) as [number, number, number, number];
    if (run.status !== 0 || [wall, user, sys, kb].some((x) => !Number.isFinite(x))) {
      process.stderr.write(`lparsh failed on ${lines} lines (status ${run.status}):\n${run.stderr}\n`);
      process.exitCode = 1;
      break;
    }
    process.stdout.write(`${String(lines).padStart(8)} ${wall.toFixed(2).padStart(8)} ${(user + sys).toFixed(2).padStart(8)} ${(kb / 1024).toFixed(0).padStart(8)}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

#!/usr/bin/env node
// Runs every check in sequence and ends with exactly one summary line:
//   N passed, N failed
// Steps: typecheck, lint, unit tests (vitest), end-to-end tests (playwright).
// Only tests count as passed; a failing typecheck or lint counts as 1 failed. A test runner that exits
// non-zero without reporting a failed test (crash, config error, unhandled
// error) also counts as 1 failed. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'test-results');
const vitestJson = join(resultsDir, 'vitest.json');
const playwrightJson = join(resultsDir, 'playwright.json');

mkdirSync(resultsDir, { recursive: true });

/** Runs a command with output streamed to this terminal; returns its exit code. */
function run(label, command, args, env = {}) {
  process.stdout.write(`\n=== ${label}: ${[command, ...args].join(' ')}\n`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  });
  if (result.error) {
    console.error(`${label}: could not start: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

let passed = 0;
let failed = 0;
const notes = [];

// 1. Typecheck and 2. lint: not tests, so they add to the count only when they fail.
for (const script of ['typecheck', 'lint']) {
  const code = run(script, 'npm', ['run', '--silent', script]);
  if (code !== 0) {
    failed += 1;
    notes.push(`${script} failed (exit ${code})`);
  }
}

// 3. Unit and property tests (vitest).
rmSync(vitestJson, { force: true });
{
  const code = run('vitest', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestJson}`,
  ]);
  const report = readJson(vitestJson);
  const p = Number(report?.numPassedTests ?? 0);
  const f = Number(report?.numFailedTests ?? 0);
  passed += p;
  failed += f;
  if (code !== 0 && f === 0) {
    failed += 1;
    notes.push(`vitest exited ${code} without a failed test in ${existsSync(vitestJson) ? 'its report' : 'a report (none written)'}`);
  }
}

// 4. End-to-end tests (playwright, Chromium).
rmSync(playwrightJson, { force: true });
{
  const code = run('playwright', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  });
  const stats = readJson(playwrightJson)?.stats ?? {};
  const p = Number(stats.expected ?? 0);
  const flaky = Number(stats.flaky ?? 0);
  const f = Number(stats.unexpected ?? 0) + flaky;
  passed += p;
  failed += f;
  if (flaky > 0) notes.push(`playwright: ${flaky} flaky test(s) counted as failed`);
  if (code !== 0 && f === 0) {
    failed += 1;
    notes.push(`playwright exited ${code} without a failed test in ${existsSync(playwrightJson) ? 'its report' : 'a report (none written)'}`);
  }
}

process.stdout.write('\n');
for (const note of notes) process.stdout.write(`note: ${note}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;

// What a results file records besides its figures: the commit measured, the
// date, and the machine (CPU model, cores, Node and Chromium versions).

import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { figureOf, REFERENCE_FIGURES } from './figures.ts';
import type { Figure, Machine, Provenance, ReferenceScores } from './figures.ts';
import { referenceInNode } from './reference.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM = '/usr/bin/chromium';

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

/** HEAD, marked `+dirty` when anything under src/ (or the lockfile) differs from it. */
export function measuredCommit(): string {
  try {
    const head = git(['rev-parse', 'HEAD']);
    const dirty = git(['status', '--porcelain', '--', 'src', 'package-lock.json']) !== '';
    return dirty ? `${head}+dirty` : head;
  } catch {
    return 'unknown';
  }
}

/** The system Chromium's version, for the engine bench, which does not start a browser. */
export function chromiumVersion(): string | null {
  try {
    const out = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return /(\d+\.\d+\.\d+\.\d+)/.exec(out)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** The reference workload's scores in Chromium, measured by the caller in the same run. */
export interface BrowserReference {
  readonly chromium: readonly number[];
  readonly chromiumThrottled: readonly number[];
  /** at the phone's CPU / 6 */
  readonly chromiumPhone?: readonly number[];
}

/** The reference scores of this run: Node's measured now, the browser's as measured by the caller. */
export function referenceScores(browser: BrowserReference | null = null): ReferenceScores {
  const node: Figure = figureOf(REFERENCE_FIGURES.node, referenceInNode().scores);
  if (!browser) return { node };
  return {
    node,
    chromium: figureOf(REFERENCE_FIGURES.chromium, browser.chromium),
    chromiumThrottled: figureOf(REFERENCE_FIGURES.chromiumThrottled, browser.chromiumThrottled),
    ...(browser.chromiumPhone ? { chromiumPhone: figureOf(REFERENCE_FIGURES.chromiumPhone, browser.chromiumPhone) } : {}),
  };
}

/**
 * The commit, date and machine, and how fast the machine was: the reference
 * workload runs here, in the same run as the figures (about 2 s).
 */
export function provenance(chromium: string | null, browser: BrowserReference | null = null): Provenance {
  const machine: Machine = {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: os.cpus().length,
    node: process.version,
    chromium,
    os: `${os.platform()} ${os.arch()}`,
  };
  return { commit: measuredCommit(), date: new Date().toISOString(), machine, reference: referenceScores(browser) };
}

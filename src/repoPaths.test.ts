// No file of the repository points outside it. The patent the lab teaches is
// named by its reference and title (S05P1247, Sony, "Information processing
// apparatus, communication processing method, and computer program"), never by
// a path on the machine the lab was built on: a user who clones the
// repository has no such path, so a file that names one sends them nowhere.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/** Every file git tracks (the repository as a clone has it). */
function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\0')
    .filter((f) => f !== '');
}

// built from pieces, so this file does not match itself
const OUTSIDE: readonly [RegExp, string][] = [
  [new RegExp(['\\.\\.', 'shared'].join('/')), 'a path to the shared folder beside the repository'],
  [new RegExp(['shared', 'seed'].join('/')), 'the folder the patent text was kept in'],
  [new RegExp(['000', '859495a53c600809'].join('_')), "the patent text's file name"],
  [new RegExp(['', 'work', 'shared', ''].join('/')), 'an absolute path to the shared folder'],
];

/** The offences in `text`, as "what (line n)". */
export function outsideReferences(text: string): string[] {
  const found: string[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    for (const [pattern, what] of OUTSIDE) if (pattern.test(line)) found.push(`${what} (line ${i + 1})`);
  });
  return found;
}

describe('the repository points only inside itself', () => {
  it('finds a path outside the repository when there is one', () => {
    expect(outsideReferences(`see the text in ${['..', 'shared', 'seed'].join('/')}\nfine`)).toEqual([
      'a path to the shared folder beside the repository (line 1)',
      'the folder the patent text was kept in (line 1)',
    ]);
    expect(outsideReferences('the patent S05P1247 [0070]')).toEqual([]);
  });

  it('no tracked file references a path outside the repository', () => {
    const files = trackedFiles();
    expect(files.length).toBeGreaterThan(50);
    const offences = files.flatMap((file) => {
      let text: string;
      try {
        text = readFileSync(join(ROOT, file), 'utf8');
      } catch {
        return []; // listed by git but deleted in the work tree
      }
      return outsideReferences(text).map((o) => `${file}: ${o}`);
    });
    expect(offences).toEqual([]);
  });
});

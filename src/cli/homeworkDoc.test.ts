// docs/homework.md's complete example runs: its assignment and two hand-ins,
// graded, give exactly the CSV the page shows.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGradeCommand } from './gradeCommand.ts';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'homework.md'), 'utf8');
const block = (info: string) => {
  const m = new RegExp('```' + info + '\\n([\\s\\S]*?)```').exec(doc);
  if (!m) throw new Error(`docs/homework.md has no \`\`\`${info} block`);
  return m[1]!;
};

describe('docs/homework.md', () => {
  it('grades its example hand-ins to the CSV it shows', () => {
    const files: Record<string, string> = {
      'week-5.assignment.json': block('json assignment'),
      'ann.week-5.lparlab.json': block('json ann'),
      'bob.week-5.lparlab.json': block('json bob'),
    };
    const written: Record<string, string> = {};
    const code = runGradeCommand(['--grade', 'week-5.assignment.json', 'ann.week-5.lparlab.json', 'bob.week-5.lparlab.json', '--csv', 'week-5.csv'], {
      out: () => {}, err: () => {}, read: (p) => files[p]!, list: () => null, size: (p) => files[p]!.length, write: (p, t) => { written[p] = t; },
    });
    expect(code).toBe(0);
    expect(written['week-5.csv']!.replace(/\r\n/g, '\n')).toBe(block('csv'));
  });
});

// Golden transcripts: each examples/*.lab script, run as a person would type
// it, must print exactly its committed examples/*.out. To accept a change on
// purpose, run `UPDATE_GOLDEN=1 npx vitest run src/cli/golden.test.ts` and
// read the diff before committing. Without the flag a missing .out fails.

import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transcript } from '../engine/shell/format.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const scripts = readdirSync(EXAMPLES).filter((f) => f.endsWith('.lab')).sort();

describe('golden transcripts (examples/*.lab)', () => {
  it('has a script for each figure and topic the examples cover', () => {
    for (const name of ['fig06-guest-to-guest', 'fig09-virtual-file', 'fig12-direct-map', 'select-two-guests', 'event-merging', 'partition-end', 'resource-policy', 'errors']) {
      expect(scripts).toContain(`${name}.lab`);
    }
  });

  for (const script of scripts) {
    it(script, () => {
      const got = transcript(readFileSync(join(EXAMPLES, script), 'utf8').replace(/\n$/, ''));
      const outPath = join(EXAMPLES, script.replace(/\.lab$/, '.out'));
      // without the flag a missing transcript fails: it is written only on purpose, and then read
      if (process.env.UPDATE_GOLDEN) writeFileSync(outPath, got);
      expect(existsSync(outPath), `${script} has no golden transcript: write it with UPDATE_GOLDEN=1 and read it`).toBe(true);
      expect(got).toBe(readFileSync(outPath, 'utf8'));
    });
  }
});

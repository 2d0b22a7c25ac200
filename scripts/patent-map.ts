// Writes docs/patent-map.md from the one table in src/engine/patentMap.ts.
// Run with `npm run patent-map`; src/cli/patentMap.test.ts fails when the
// committed page and the table differ.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { patentMapMarkdown } from '../src/engine/patentMap.ts';

const out = join(import.meta.dirname, '..', 'docs', 'patent-map.md');
writeFileSync(out, patentMapMarkdown());
console.log(`wrote ${out}`);

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { firstLoadScripts, measureFirstLoad } from './firstLoad.ts';

const HTML = `<!doctype html><html><head>
<link rel="icon" type="image/svg+xml" href="./favicon.svg" />
<script type="module" crossorigin src="./assets/index-A.js"></script>
<link rel="modulepreload" crossorigin href="./assets/engine-B.js">
<link rel="modulepreload" crossorigin href="/assets/engine-B.js">
<link rel="stylesheet" crossorigin href="./assets/index-C.css">
</head><body><div id="root"></div></body></html>`;

describe('the first-load measure (issue 23)', () => {
  it('names the entry script and its modulepreloads once each, not styles or icons', () => {
    expect(firstLoadScripts(HTML)).toEqual(['assets/index-A.js', 'assets/engine-B.js']);
  });

  it('does not count a lazy chunk index.html does not name', () => {
    expect(firstLoadScripts('<script type="module" src="./assets/index-A.js"></script>')).toEqual(['assets/index-A.js']);
  });

  it('sums the gzip -9 sizes of exactly those files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'first-load-test-'));
    try {
      mkdirSync(join(dir, 'assets'));
      writeFileSync(join(dir, 'index.html'), HTML);
      const entry = 'console.log("entry");'.repeat(50);
      const engine = 'export const x = 1;';
      writeFileSync(join(dir, 'assets', 'index-A.js'), entry);
      writeFileSync(join(dir, 'assets', 'engine-B.js'), engine);
      writeFileSync(join(dir, 'assets', 'lazy-D.js'), 'x'.repeat(10_000));
      const sizes = [entry, engine].map((text) => gzipSync(text, { level: 9 }).length);
      expect(measureFirstLoad(dir)).toEqual({
        files: [
          { file: 'assets/index-A.js', gzip: sizes[0] },
          { file: 'assets/engine-B.js', gzip: sizes[1] },
        ],
        total: sizes[0]! + sizes[1]!,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

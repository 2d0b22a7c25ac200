// `npm run first-load`: the JavaScript an English reader's browser fetches
// before anything lazy (issue 23's done-when: it may grow by no more than
// 15 KB gzip over the lab before languages). Builds the site into a
// directory of its own (not dist/, which a preview or e2e server may be
// serving), then gzips at level 9 every script the built index.html names
// (the entry and its modulepreloads) and prints each one's size and the sum.
// `npm run first-load -- <dir>` measures an existing build instead.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The scripts an index.html loads at once: `<script src>` and `<link rel="modulepreload" href>` under assets/, in order, each once. */
export function firstLoadScripts(html: string): string[] {
  const named = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="(?:\.\/|\/)?(assets\/[^"]+\.js)"[^>]*>/g)].map((m) => m[1]!);
  return [...new Set(named)];
}

export interface FirstLoad {
  readonly files: readonly { readonly file: string; readonly gzip: number }[];
  /** The sum of the files' gzip -9 sizes, in bytes. */
  readonly total: number;
}

/** The first-load scripts of the build in `outDir`, with their gzip -9 sizes. */
export function measureFirstLoad(outDir: string): FirstLoad {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const files = firstLoadScripts(html).map((file) => ({ file, gzip: gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length }));
  return { files, total: files.reduce((n, f) => n + f.gzip, 0) };
}

function main(): void {
  const given = process.argv[2];
  const outDir = given ?? mkdtempSync(join(tmpdir(), 'lparlab-first-load-'));
  try {
    if (given === undefined) {
      const root = fileURLToPath(new URL('..', import.meta.url));
      execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    }
    const { files, total } = measureFirstLoad(outDir);
    for (const { file, gzip } of [...files].sort((a, b) => b.gzip - a.gzip)) console.log(`${gzip.toLocaleString('en').padStart(9)}  ${file}`);
    console.log(`${total.toLocaleString('en').padStart(9)}  bytes gzip -9, first load (${(total / 1024).toFixed(1)} KB)`);
  } finally {
    if (given === undefined) rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();

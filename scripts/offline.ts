// Offline use, for talks on bad wifi: a Vite plugin that writes sw.js, a
// service worker precaching every file of the build, so after one visit the
// lab loads with the network off. The worker is generated from the bundle's
// own file list (no runtime library); its cache name carries a hash of that
// list, so a new build replaces the old cache when it activates.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** The service worker's source for a build made of `files` (paths relative to the site root). */
export function serviceWorkerSource(files: readonly string[], version: string): string {
  const urls = ['./', ...files.filter((f) => f !== 'sw.js').map((f) => `./${f}`)];
  return `// lparlab service worker, written by the build (scripts/offline.ts)
const CACHE = ${JSON.stringify(`lparlab-${version}`)};
const FILES = ${JSON.stringify(urls)};
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('lparlab-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // a page (any ?present, ?lesson=, #link) is the one index.html; files come from the cache first
  // (ignoreVary: a module script asks with an Origin header the precache request did not send)
  const lookup = request.mode === 'navigate'
    ? caches.match('./', { ignoreSearch: true, ignoreVary: true })
    : caches.match(request, { ignoreSearch: true, ignoreVary: true });
  event.respondWith(lookup.then((hit) => hit || fetch(request)));
});
`;
}

function publicFiles(dir: string, base = ''): string[] {
  let out: string[] = [];
  for (const entry of readdirSync(join(dir, base), { withFileTypes: true })) {
    const rel = base ? `${base}/${entry.name}` : entry.name;
    out = entry.isDirectory() ? [...out, ...publicFiles(dir, rel)] : [...out, rel];
  }
  return out;
}

export function offline(): Plugin {
  let publicDir = '';
  return {
    name: 'lparlab-offline',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    generateBundle(_options, bundle) {
      const files = [...Object.keys(bundle), ...(publicDir ? publicFiles(publicDir) : [])].sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource(files, version) });
    },
  };
}

/** For the single-file build: the page's icon as a data: URL, so nothing is fetched beside the one file. */
export function inlineFavicon(file: string): Plugin {
  return {
    name: 'lparlab-inline-favicon',
    apply: 'build',
    transformIndexHtml(html) {
      const data = `data:image/svg+xml;base64,${readFileSync(file).toString('base64')}`;
      return html.replace(/href="\.\/favicon\.svg"/, `href="${data}"`);
    },
  };
}

// `node --import tsx bench/profileSummary.ts [dir]`: what the newest CPU
// profile in `dir` (test-results/engine-prof unless given, where
// `npm run bench:engine-profile` writes) spent its time on, by function: the
// time in the function itself and the time under it, as shares of all
// samples. The engine's own functions are named by file; Node's own
// functions and idle time are left out of the lists.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './provenance.ts';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
}

const dir = process.argv[2] ?? join(ROOT, 'test-results', 'engine-prof');
const TOP = 25;

/** The newest profile of the thread that ran the transfer loop (tsx's loader thread writes one too). */
function loopProfile(folder: string): { file: string; profile: Profile } {
  const files = readdirSync(folder).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(folder, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
    if (profile.nodes.some((n) => n.callFrame.url.endsWith('bench/engineProfile.ts'))) return { file, profile };
  }
  throw new Error(`no profile of bench/engineProfile.ts in ${folder}: run npm run bench:engine-profile first`);
}

/** `name file`, e.g. `sendArea engine/channels/messages.ts`; null for Node's own loader. */
function nameOf(node: ProfileNode): string | null {
  const { functionName, url } = node.callFrame;
  if (url === '') return functionName === '(garbage collector)' ? functionName : null;
  if (url.startsWith('node:') || url.includes('/node_modules/')) return null;
  const at = url.indexOf('/src/engine/');
  const file = at >= 0 ? url.slice(at + '/src/'.length) : url.split('/').slice(-2).join('/');
  return `${functionName || '(anonymous)'}${file ? ` ${file}` : ''}`;
}

function summarise(profile: Profile): { self: Map<string, number>; under: Map<string, number>; total: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const hits = new Map<number, number>();
  for (const s of profile.samples) hits.set(s, (hits.get(s) ?? 0) + 1);
  const self = new Map<string, number>();
  const under = new Map<string, number>();
  for (const [id, count] of hits) {
    const own = nameOf(byId.get(id)!);
    if (own) self.set(own, (self.get(own) ?? 0) + count);
    // every function on the stack counts the sample once, however often it recurs
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = nameOf(byId.get(at)!);
      if (name && !seen.has(name)) {
        seen.add(name);
        under.set(name, (under.get(name) ?? 0) + count);
      }
    }
  }
  return { self, under, total: profile.samples.length };
}

const { file, profile } = loopProfile(dir);
const { self, under, total } = summarise(profile);
const table = (title: string, counts: Map<string, number>) => {
  console.log(title);
  for (const [name, count] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`${((100 * count) / total).toFixed(1).padStart(6)} %  ${name}`);
  }
};
console.log(`${file}: ${total.toLocaleString('en-US')} samples`);
table('time in the function itself:', self);
console.log('');
table('time in the function and what it calls:', under);

// Share links: the address holds the machine's configuration, the lesson and
// the lines that built the moment shown, deflated and base64url-encoded in
// the fragment, so opening the link replays to the same moment. Nothing in a
// link is ever run except as lines of the command language, and nothing is
// rendered as HTML. A bad link (malformed, truncated, oversized, hostile) is
// refused with a message; its fields are read by share/linkFields.ts.
//
//   #v=1&seed=1&frames=4096&lesson=flip&step=3&at=120&tags=steps&lines=<deflate-raw, base64url>

import type { LabConfig, TagStyle } from '../../engine/index.ts';
import { MAX_LINE } from '../../engine/index.ts';
import { configFields, readConfig, readLessonPlace, readTagStyle, readWhole, said, wrap } from './linkFields.ts';
import type { Note, Said } from './linkFields.ts';

export interface SharedLab {
  /** the machine the lines run on: seed, frames, processor groups */
  readonly config: LabConfig;
  readonly lines: readonly string[];
  readonly lesson: string | null;
  readonly step: number | null;
  /** the playhead (events shown, boot included), when it is not at the end of the last line */
  readonly at: number | null;
  /** how the sender wants the patent's tags shown; absent: as the reader has them */
  readonly tags?: TagStyle | null;
}

export const LINK_LIMITS = {
  /** characters of the whole fragment */
  fragment: 64 * 1024,
  /** bytes after inflating */
  inflated: 256 * 1024,
  lines: 2000,
  /** the language's own limit: a longer line would only be refused */
  lineLength: MAX_LINE,
} as const;

export type LinkResult =
  | { readonly ok: true; readonly lab: SharedLab; /** something the link asked for that was adjusted (a step past a lesson's end) */ readonly note: Note | null }
  | ({ readonly ok: false } & Said);

const VERSION = '1';

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export async function pump(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array | null> {
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export async function encodeLink(lab: SharedLab): Promise<string> {
  const text = new TextEncoder().encode(lab.lines.join('\n'));
  const packed = await pump(text, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER);
  const params = new URLSearchParams({ v: VERSION, ...configFields(lab.config) });
  if (lab.lesson) params.set('lesson', lab.lesson);
  if (lab.step !== null) params.set('step', String(lab.step));
  if (lab.at !== null) params.set('at', String(lab.at));
  if (lab.tags) params.set('tags', lab.tags);
  params.set('lines', toBase64Url(packed!));
  return params.toString();
}

const fail = (why: Said): LinkResult => ({ ok: false, ...why });
const CLEAN = ' The lab starts clean.';

/** Read a link's fragment (without the leading #). An empty fragment is not a link: null. */
export async function decodeLink(fragment: string): Promise<LinkResult | null> {
  if (fragment === '') return null;
  if (fragment.length > LINK_LIMITS.fragment) {
    return fail(said(`This link is too long (${fragment.length} characters; at most ${LINK_LIMITS.fragment}).${CLEAN}`, 'share.link.tooLong', { length: fragment.length, most: LINK_LIMITS.fragment }));
  }
  const params = new URLSearchParams(fragment);
  if (params.get('v') !== VERSION) return fail(said(`This link is not an lparlab link this version can read.${CLEAN}`, 'share.link.version'));
  const config = readConfig(params);
  if (!config.ok) return fail(wrap(config, (why) => `This link's machine cannot be built: ${why}.${CLEAN}`, 'share.link.machine'));
  const place = readLessonPlace(params, 0);
  if (!place.ok) return fail(wrap(place, (why) => `This link's lesson cannot be opened: ${why}.${CLEAN}`, 'share.link.lesson'));
  const at = readWhole(params.get('at'), 'at', 0, 100_000_000);
  if (!at.ok) return fail(wrap(at, (why) => `A number in this link is out of range: ${why}.${CLEAN}`, 'share.link.number'));
  const tags = readTagStyle(params.get('tags'));
  if (!tags.ok) return fail(wrap(tags, (why) => `This link's way of showing the patent's tags cannot be read: ${why}.${CLEAN}`, 'share.link.tags'));
  const packed = fromBase64Url(params.get('lines') ?? '');
  if (packed === null) return fail(said(`The commands in this link are damaged (not base64url).${CLEAN}`, 'share.link.notBase64'));
  let bytes: Uint8Array | null;
  try {
    bytes = packed.length === 0 ? new Uint8Array() : await pump(packed, new DecompressionStream('deflate-raw'), LINK_LIMITS.inflated);
  } catch {
    return fail(said(`The commands in this link are damaged or cut short.${CLEAN}`, 'share.link.damaged'));
  }
  if (bytes === null) return fail(said(`The commands in this link unpack to more than ${LINK_LIMITS.inflated / 1024} KiB.${CLEAN}`, 'share.link.tooBig', { kib: LINK_LIMITS.inflated / 1024 }));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(said(`The commands in this link are not text.${CLEAN}`, 'share.link.notText'));
  }
  const lines = text === '' ? [] : text.split('\n');
  if (lines.length > LINK_LIMITS.lines) {
    return fail(said(`This link holds ${lines.length} commands; at most ${LINK_LIMITS.lines} can be replayed.${CLEAN}`, 'share.link.tooMany', { lines: lines.length, most: LINK_LIMITS.lines }));
  }
  if (lines.some((l) => l.length > LINK_LIMITS.lineLength)) return fail(said(`A command in this link is too long.${CLEAN}`, 'share.link.longLine'));
  const { place: opened, note } = place.value;
  return { ok: true, lab: { config: config.value, lines, lesson: opened?.lesson ?? null, step: opened?.step ?? null, at: at.value, ...(tags.value ? { tags: tags.value } : {}) }, note };
}

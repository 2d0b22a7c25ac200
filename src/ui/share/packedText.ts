// Text carried inside a link's fragment: deflated (deflate-raw) and
// base64url-encoded, with the share link's limits on the fragment's length and
// on what it may inflate to. A teacher's lesson (#lessonfile=) and an
// assignment (#assignment=) travel this way; each reads what comes out with the
// same validator as its file.

import { fromBase64Url, LINK_LIMITS, pump, toBase64Url } from './shareLink.ts';
import { said, type Said } from './linkFields.ts';

/** `text` deflated and in base64url, as a fragment field carries it. */
export async function packText(text: string): Promise<string> {
  const packed = await pump(new TextEncoder().encode(text), new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER);
  return toBase64Url(packed!);
}

export type Unpacked = { readonly ok: true; readonly text: string } | ({ readonly ok: false } & Said);

/** What a fragment field carries: its name in the English sentences, and the value the catalog's messages choose by. */
export type Carried = 'lesson' | 'assignment';

/**
 * The text a fragment field carries, or why it cannot be read (its English,
 * and its words for the page: linkFields.ts's Said). `limit` is the most it
 * may inflate to (never more than a share link may).
 */
export async function unpackField(fragment: string, packedText: string, what: Carried, limit: number): Promise<Unpacked> {
  const fail = (why: Said): Unpacked => ({ ok: false, ...why });
  if (fragment.length > LINK_LIMITS.fragment) {
    return fail(said(`This ${what} link is too long (${fragment.length} characters; at most ${LINK_LIMITS.fragment}).`, 'share.packed.tooLong', { what, length: fragment.length, most: LINK_LIMITS.fragment }));
  }
  const packed = fromBase64Url(packedText);
  if (packed === null || packed.length === 0) return fail(said(`The ${what} in this link is damaged (not base64url).`, 'share.packed.notBase64', { what }));
  const most = Math.min(LINK_LIMITS.inflated, limit);
  let bytes: Uint8Array | null;
  try {
    bytes = await pump(packed, new DecompressionStream('deflate-raw'), most);
  } catch {
    return fail(said(`The ${what} in this link is damaged or cut short.`, 'share.packed.damaged', { what }));
  }
  if (bytes === null) return fail(said(`The ${what} in this link unpacks to more than ${most / 1024} KiB.`, 'share.packed.tooBig', { what, kib: most / 1024 }));
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return fail(said(`The ${what} in this link is not text.`, 'share.packed.notText', { what }));
  }
}

// A classroom link: the room, the relay's address and, on the lecturer's link
// only, the room key. Read from the page's address before anything connects,
// so a link that names a bad relay or key is refused with words, not joined.

import { useLanguage } from '../app/language.ts';

export interface ClassroomLink {
  readonly room: string;
  /** ws:// or wss:// address of the relay */
  readonly relay: string;
  readonly key: string | null;
}

/** The classroom a page address names, or why it cannot be joined; null when it names none. */
export function readClassroomLink(search: string): { ok: true; link: ClassroomLink } | { ok: false; message: string } | null {
  const params = new URLSearchParams(search);
  if (!params.has('room')) return null;
  const room = params.get('room') ?? '';
  const relay = params.get('relay') ?? '';
  const key = params.get('key');
  // said in the reader's language: the page shows it as it opens
  const { t } = useLanguage.getState();
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(room)) return { ok: false, message: t('classroom.link.badRoom') };
  let url: URL;
  try {
    url = new URL(relay);
  } catch {
    return { ok: false, message: t('classroom.link.noRelay') };
  }
  if ((url.protocol !== 'ws:' && url.protocol !== 'wss:') || url.search || url.hash || url.username) {
    return { ok: false, message: t('classroom.link.badRelay') };
  }
  if (key !== null && !/^[A-Za-z0-9_-]{16,64}$/.test(key)) return { ok: false, message: t('classroom.link.badKey') };
  return { ok: true, link: { room, relay: url.toString().replace(/\/+$/, ''), key } };
}

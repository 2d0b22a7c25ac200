// A lab as a file to send. A page opened from a file (the single-file build,
// file://) has an address that means something only on this computer, so a
// link to it is no use to anyone else; what can be sent is the page itself
// with the link inside: the same one file, which opens at this moment
// wherever it is opened.

/**
 * The page as it was loaded, before anything was drawn into it: read when
 * this module is first evaluated, which is before the page renders. Only a
 * page opened from a file keeps it (the single-file build holds the whole
 * lab in this one document).
 */
const LOADED: string | null =
  typeof document !== 'undefined' && typeof location !== 'undefined' && location.protocol === 'file:'
    ? `<!doctype html>\n${document.documentElement.outerHTML}\n`
    : null;

/** Whether the page was opened from a file on this computer. */
export const fromFile = (): boolean => location.protocol === 'file:';

/**
 * This page as one file that opens at the link's moment: a small script
 * ahead of the lab puts the link's fragment into the address when the file
 * is opened without one. null when the page is not a single file.
 */
export function labFile(fragment: string): string | null {
  if (!LOADED || !/<script[^>]*type="module"[^>]*>[^<]/.test(LOADED)) return null;
  // the fragment is base64url text from encodeLink; as a JSON string with "<" escaped it cannot end the script
  const text = JSON.stringify(fragment).replace(/</g, '\\u003c');
  const opener = `<script>if(!location.hash)history.replaceState(null,'','#'+${text});</script>`;
  return LOADED.replace(/<head>/i, `<head>${opener}`);
}

// Text that is safe to print on a terminal. Whatever a person typed, linked
// or stored may hold control characters; a terminal would act on them (clear
// the screen, move the cursor, write the clipboard, open a hyperlink), so
// every string the shell echoes or formats shows them as escape text instead.
// The bidirectional formatting characters are shown the same way: invisible
// themselves, they reorder the text around them (U+202E turns the rest of a
// line around), so a line could read as something it is not.

const NAMED: Readonly<Record<number, string>> = { 0x09: '\\t', 0x0a: '\\n', 0x0d: '\\r' };

/** The bidirectional formatting characters: ALM, LRM and RLM, the embeddings and overrides, the isolates. */
const isBidiControl = (c: number) => c === 0x061c || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);

const isControl = (c: number) => c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidiControl(c);

const escapeOf = (c: number) =>
  NAMED[c] ?? (c <= 0x7f ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`);

/**
 * `text` with every control character written out visibly, so that it can
 * reach a terminal without acting as a control sequence: the C0 controls
 * U+0000-U+001F and DEL as `\x1b`, `\x7f` (tab, newline and carriage return
 * as `\t`, `\n`, `\r`), the C1 controls U+0080-U+009F as `\u009b`, and the
 * bidirectional formatting characters (U+061C, U+200E, U+200F,
 * U+202A-U+202E, U+2066-U+2069) as `\u202e`. Nothing else changes, and
 * text without them comes back as the same string.
 *
 * Apply it to one line at a time: a newline inside the text is shown as `\n`
 * too, so line breaks are only those the caller makes between lines.
 */
export function visible(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isControl(c)) continue;
    out += text.slice(from, i) + escapeOf(c);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * `JSON.stringify(value)` with DEL, the C1 controls and the bidirectional
 * formatting characters escaped as well (`\u007f`, `\u009b`, `\u202e`):
 * JSON already escapes C0, and the result is the same JSON value, now safe
 * to print on a terminal.
 */
export function jsonText(value: unknown): string {
  const json = JSON.stringify(value);
  let out = '';
  let from = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if ((c < 0x7f || c > 0x9f) && !isBidiControl(c)) continue;
    out += `${json.slice(from, i)}\\u${c.toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  return from === 0 ? json : out + json.slice(from);
}

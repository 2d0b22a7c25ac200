// Text that is safe to print on a terminal. Whatever a person typed, linked
// or stored may hold control characters; a terminal would act on them (clear
// the screen, move the cursor, write the clipboard, open a hyperlink), so
// every string the shell echoes or formats shows them as escape text instead.

const NAMED: Readonly<Record<number, string>> = { 0x09: '\\t', 0x0a: '\\n', 0x0d: '\\r' };

const isControl = (c: number) => c < 0x20 || (c >= 0x7f && c <= 0x9f);

const escapeOf = (c: number) =>
  NAMED[c] ?? (c <= 0x7f ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`);

/**
 * `text` with every control character written out visibly, so that it can
 * reach a terminal without acting as a control sequence: the C0 controls
 * U+0000-U+001F and DEL as `\x1b`, `\x7f` (tab, newline and carriage return
 * as `\t`, `\n`, `\r`), the C1 controls U+0080-U+009F as `\u009b`. Nothing
 * else changes, and text without controls comes back as the same string.
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
 * `JSON.stringify(value)` with DEL and the C1 controls escaped as well
 * (`\u007f`, `\u009b`): JSON already escapes C0, and the result is the same
 * JSON value, now safe to print on a terminal.
 */
export function jsonText(value: unknown): string {
  const json = JSON.stringify(value);
  let out = '';
  let from = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c < 0x7f || c > 0x9f) continue;
    out += `${json.slice(from, i)}\\u${c.toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  return from === 0 ? json : out + json.slice(from);
}

// Whole numbers written as words (`log 20`, `seed 7`, `lparsh --frames 4096`):
// the digits the language reads as a number literal, and nothing else.
// `Number(word)` also takes `1e3`, `0b11`, ` 12 `, `+5` and `12.0`, so a
// teacher's typo ran as some other number; these are refused instead.

/** The number `word` writes in decimal digits (or 0x and hex digits), as the language's literals do; null for anything else. */
export function wholeNumber(word: string): number | null {
  if (!/^-?(0[xX][0-9a-fA-F]+|[0-9]+)$/.test(word)) return null;
  const negative = word.startsWith('-');
  const digits = negative ? word.slice(1) : word;
  const value = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : Number(digits);
  if (!Number.isSafeInteger(value)) return null;
  return negative ? -value : value;
}

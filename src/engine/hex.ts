// Addresses and page numbers are shown in hexadecimal everywhere: the engine's
// narration, the shell's values and the page's views share this one spelling.

/** `0x1000` for 4096: how the lab writes an address or a page number. */
export const hex = (n: number): string => `0x${n.toString(16)}`;

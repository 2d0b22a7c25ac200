// A message with elements inside it (a code sample, a line to type): the
// catalog places them with an argument, so each language keeps its own word
// order, and the component puts its elements where the arguments stood.

import { Fragment } from 'react';
import type { ReactNode } from 'react';

/** The mark standing for element `i` while a message is formatted: private-use characters no catalog or value holds. */
export const slot = (i: number): string => `\uE000${i}\uE001`;

/** `text` (formatted with `slot(i)` as values) with element `i` of `elements` in place of each mark. */
export function fillSlots(text: string, elements: readonly ReactNode[]): ReactNode[] {
  // split with a capture group: text, index, text, index, ..., text
  return text.split(/\uE000(\d+)\uE001/).map((part, i) => (i % 2 === 1 ? <Fragment key={i}>{elements[Number(part)]}</Fragment> : part));
}

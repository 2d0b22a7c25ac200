/** Ends every switch over a union (STYLE.md §10): the compiler proves it unreachable. */
export function assertNever(x: never): never {
  throw new Error(`invariant: unexpected value ${JSON.stringify(x)}`);
}

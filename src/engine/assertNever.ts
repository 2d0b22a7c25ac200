/** Ends every switch over a union (docs/architecture.md, rule 8 of the engine): the compiler proves it unreachable. */
export function assertNever(x: never): never {
  throw new Error(`invariant: unexpected value ${JSON.stringify(x)}`);
}

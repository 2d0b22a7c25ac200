// The seeded generator kept in the state (docs/architecture.md, rule 3 of the engine): mulberry32, a small,
// well-known 32-bit generator. The state is one integer, so it round-trips
// through JSON and replays exactly.

export function seedRng(seed: number): number {
  return seed >>> 0;
}

/** The next value in [0, 1) and the generator's next state. */
export function nextRandom(rng: number): { value: number; rng: number } {
  const next = (rng + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, rng: next };
}

// Every line the page's terminal printed, for the transcript export. Kept
// outside the lab store: nothing draws it, so it need not be copied on each
// line to make a new state. A ring of the last MAX_TRANSCRIPT_LINES lines.

export const MAX_TRANSCRIPT_LINES = 50_000;

const ring: string[] = [];
let oldest = 0;

export function noteTranscript(lines: readonly string[]): void {
  for (const line of lines) {
    if (ring.length < MAX_TRANSCRIPT_LINES) ring.push(line);
    else {
      ring[oldest] = line;
      oldest = (oldest + 1) % MAX_TRANSCRIPT_LINES;
    }
  }
}

/** The transcript, oldest line first. */
export function transcriptLines(): string[] {
  return [...ring.slice(oldest), ...ring.slice(0, oldest)];
}

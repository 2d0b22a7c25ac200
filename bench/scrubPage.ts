// The scrub of the long session on its own, for the profiler and the tracer
// (bench:profile scrub, bench:trace scrub): `longSession` with no timed runs
// sets the page up and slows the CPU, and its `after` hook scrubs here, so the
// recording holds the scrubs and nothing of the typing or the Enters before.

import type { CDPSession } from '@playwright/test';

/** Scrubs to record: the start and back to the end, this many times. */
export const SCRUB_ROUNDS = 3;

/** Click the timeline button labelled `label` and wait for the painted frame: ms from the click. */
async function timeClick(cdp: CDPSession, label: string): Promise<number> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: `(async () => {
      const button = document.querySelector('button[aria-label=${JSON.stringify(label)}]');
      if (!button || button.disabled) throw new Error('no enabled button ' + ${JSON.stringify(label)});
      const t0 = performance.now();
      button.click();
      return window.__painted(t0);
    })()`,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`bench: the scrub failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value as number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `rounds` scrubs to the start and back to the end, 300 ms apart as in the long session: each click's ms to painted. */
export async function scrubRounds(cdp: CDPSession, rounds = SCRUB_ROUNDS): Promise<{ toStart: number[]; back: number[] }> {
  const toStart: number[] = [];
  const back: number[] = [];
  for (let r = 0; r < rounds; r++) {
    toStart.push(await timeClick(cdp, 'go to the start'));
    await pause(300);
    back.push(await timeClick(cdp, 'go to the latest event'));
    await pause(300);
  }
  return { toStart, back };
}

export const scrubSummary = ({ toStart, back }: { toStart: number[]; back: number[] }) =>
  `${toStart.length} scrubs: to the start ${toStart.map((ms) => ms.toFixed(0)).join(', ')} ms; back to the end ${back.map((ms) => ms.toFixed(0)).join(', ')} ms`;

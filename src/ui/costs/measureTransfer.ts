// The browser's own flip, measured live: an ArrayBuffer passed to a Worker by
// transfer (ownership moves, and the sender's buffer is detached, as the
// sender's mapping is) and by structured clone (a copy). Each figure is the
// median of several round trips, halved.

import EchoWorker from './echoWorker.ts?worker&inline';

export interface Measurement {
  readonly bytes: number;
  /** microseconds, one way */
  readonly transferUs: number;
  readonly cloneUs: number;
  /** the sender's buffer after a transfer: detached (byteLength 0) */
  readonly detached: boolean;
}

function roundTrip(worker: Worker, buffer: ArrayBuffer, transfer: boolean): Promise<{ ms: number; detached: boolean }> {
  return new Promise((resolve) => {
    const start = performance.now();
    worker.onmessage = () => resolve({ ms: performance.now() - start, detached: buffer.byteLength === 0 });
    worker.postMessage({ buffer, transfer }, transfer ? [buffer] : []);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function measureTransfers(sizes: readonly number[], rounds = 9, onProgress?: (done: number) => void): Promise<Measurement[]> {
  // inlined in the page (a blob), so the single-file build, opened from file://, can measure too
  const worker = new EchoWorker();
  try {
    const out: Measurement[] = [];
    for (const bytes of sizes) {
      const transfer: number[] = [];
      const clone: number[] = [];
      let detached = false;
      for (let r = 0; r < rounds; r++) {
        const t = await roundTrip(worker, new ArrayBuffer(bytes), true);
        detached = t.detached;
        transfer.push(t.ms);
        clone.push((await roundTrip(worker, new ArrayBuffer(bytes), false)).ms);
      }
      out.push({ bytes, transferUs: (median(transfer) * 1000) / 2, cloneUs: (median(clone) * 1000) / 2, detached });
      onProgress?.(out.length);
    }
    return out;
  } finally {
    worker.terminate();
  }
}

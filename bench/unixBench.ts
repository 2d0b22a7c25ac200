// The yardstick: real AF_UNIX round trips in this process. A server listens
// on a socket path in os.tmpdir(); a client connects; the client sends 4 KiB,
// the server collects a whole 4 KiB message (a stream may split or merge
// writes) and echoes it, and the client waits until all 4096 bytes are back
// before sending the next one.

import { rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const MESSAGE_BYTES = 4096;

export interface UnixPair {
  /** run sequential round trips for `ms` milliseconds */
  run(ms: number): Promise<{ count: number; elapsedMs: number }>;
  /** round trips per second over `ms` milliseconds */
  rate(ms: number): Promise<number>;
  close(): Promise<void>;
}

/** Cut a byte stream into whole messages of MESSAGE_BYTES. */
function framer(onMessage: (message: Buffer) => void): (chunk: Buffer) => void {
  let parts: Buffer[] = [];
  let have = 0;
  return (chunk) => {
    parts.push(chunk);
    have += chunk.length;
    while (have >= MESSAGE_BYTES) {
      const all = parts.length === 1 ? parts[0]! : Buffer.concat(parts, have);
      onMessage(all.subarray(0, MESSAGE_BYTES));
      const rest = all.subarray(MESSAGE_BYTES);
      parts = rest.length ? [rest] : [];
      have = rest.length;
    }
  };
}

export async function openUnixPair(): Promise<UnixPair> {
  const path = join(tmpdir(), `lparlab-bench-${process.pid}.sock`);
  rmSync(path, { force: true });
  const server = net.createServer((socket) => {
    socket.on('data', framer((message) => socket.write(message)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, resolve);
  });
  const client = net.createConnection(path);
  await new Promise<void>((resolve, reject) => {
    client.once('error', reject);
    client.once('connect', resolve);
  });

  const payload = Buffer.alloc(MESSAGE_BYTES, 0x61);
  let onEcho: () => void = () => {};
  client.on('data', framer((message) => {
    if (message.length !== MESSAGE_BYTES) throw new Error('bench: short echo');
    onEcho();
  }));

  const pair: UnixPair = {
    async rate(ms) {
      const { count, elapsedMs } = await pair.run(ms);
      return (count / elapsedMs) * 1000;
    },
    run(ms) {
      return new Promise((resolve) => {
        let count = 0;
        const start = performance.now();
        onEcho = () => {
          count++;
          const elapsedMs = performance.now() - start;
          if (elapsedMs >= ms) {
            onEcho = () => {};
            resolve({ count, elapsedMs });
          } else {
            client.write(payload);
          }
        };
        client.write(payload);
      });
    },
    async close() {
      await new Promise<void>((resolve) => client.end(resolve));
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(path, { force: true });
    },
  };
  return pair;
}

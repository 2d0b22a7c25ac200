// Start `npm run classroom` as a child process, as a lecturer would, and read
// the links it prints: for the tests and the benchmark, which also stop it
// (or kill it, to see that nothing is lost).

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface RelayProcess {
  readonly room: string;
  readonly key: string;
  readonly url: string;
  /** the port it listens on: the one asked for, or the free one it took for port 0 */
  readonly port: number;
  readonly lecturerLink: string;
  readonly studentsLink: string;
  readonly child: ChildProcess;
  /** what the relay has written to standard error so far (its warnings about files) */
  errors(): string;
  /** SIGKILL: the relay gets no chance to tidy up */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Start a relay on `port`, by default 0: any free port, so a test never talks
 * to a server it did not start. A relay started again for the same room passes
 * the port the first one took, so the pages' links still lead to it.
 */
export function spawnRelay(options: { port?: number; stateDir: string; page?: string; fresh?: boolean; extraArgs?: readonly string[] }): Promise<RelayProcess> {
  const args = ['--import', 'tsx', join(ROOT, 'src', 'cli', 'classroom.ts'), '--port', String(options.port ?? 0), '--state', options.stateDir];
  if (options.page) args.push('--page', options.page);
  if (options.fresh) args.push('--fresh');
  if (options.extraArgs) args.push(...options.extraArgs);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the relay did not start in 20 s: ${err || out}`));
    }, 20_000);
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the relay exited (${code}): ${err}`));
    });
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const lecturer = /^\s+(\S+&key=\S+)$/m.exec(out)?.[1];
      const students = /^Students:\n\s+(\S+)$/m.exec(out)?.[1];
      if (!lecturer || !students || !out.includes('Ctrl-C')) return;
      clearTimeout(timer);
      const url = new URL(lecturer);
      const room = url.searchParams.get('room')!;
      const relayUrl = url.searchParams.get('relay')!;
      resolve({
        room,
        key: url.searchParams.get('key')!,
        url: relayUrl,
        port: Number(new URL(relayUrl).port),
        lecturerLink: lecturer,
        studentsLink: students,
        child,
        errors: () => err,
        kill: () => end('SIGKILL'),
        stop: () => end('SIGTERM'),
      });
    });
  });
}

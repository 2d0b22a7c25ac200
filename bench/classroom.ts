// npm run bench:classroom [-- --students 300 --lines 60 --gap 200]
//
// The classroom relay (started as `npm run classroom` starts it, in its own
// process) with one lecturer (the provider the page uses) and N simulated
// students: each a Y.Doc kept in sync over its own websocket with the sync
// protocol, announcing its presence and renewing it as the provider does.
// Hundreds of full providers in one process would measure this process (each
// decoding everyone's presence), not the relay: the students here skip the
// presence of others, which a browser decodes on its own core. The lecturer
// types a line every `gap` ms; for each line we time how long until every
// student has it (and each student's own delay), and we read the relay's
// memory and CPU from /proc. Writes bench/classroom-results.json with the
// commit, date and machine.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { spawnRelay } from '../src/cli/relayProcess.ts';
import { appendLines, replaceLines, roomLines } from '../src/ui/classroom/room.ts';
import { median, percentile } from './stats.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
// each simulated student's presence (y-protocols' Awareness) listens for the process's exit
process.setMaxListeners(0);

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number`);
  return value;
}

const STUDENTS = option('students', 300);
const LINES = option('lines', 60);
const GAP_MS = option('gap', 200);
const PORT = option('port', 4490);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const progress = (text: string) => process.stderr.write(`${text}\n`);

/** Resident and peak memory (MB) and CPU seconds used so far by process `pid` (Linux /proc). */
function usageOf(pid: number): { rssMB: number; peakMB: number; cpuSec: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  // fields 14 and 15 of /proc/PID/stat (after the command name in parentheses): user and system ticks
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const hz = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024, cpuSec: ticks / hz };
}

function connect(url: string, room: string, key?: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: key ? { key } : {},
    disableBc: true,
  });
  return { doc, provider };
}

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
/** y-protocols' awareness: a state not renewed within 30 s is dropped, so clients renew every 15 s */
const RENEW_MS = 15_000;

/** A student: a Y.Doc synced over its own websocket, with a presence renewed like the provider's. */
function connectStudent(url: string, room: string, n: number) {
  const doc = new Y.Doc();
  const ws = new WebSocket(`${url}/${room}`);
  ws.binaryType = 'arraybuffer';
  let synced = false;
  let clock = 0;
  const presence = () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, doc.clientID);
    encoding.writeVarUint(update, ++clock);
    encoding.writeVarString(update, JSON.stringify({ role: 'student', name: `student ${n}`, following: true, step: null, answer: null }));
    encoding.writeVarUint8Array(e, encoding.toUint8Array(update));
    ws.send(encoding.toUint8Array(e));
  };
  const renew = setInterval(() => ws.readyState === WebSocket.OPEN && presence(), RENEW_MS);
  ws.on('open', () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(e, doc);
    ws.send(encoding.toUint8Array(e));
    presence();
  });
  ws.on('message', (data: ArrayBuffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) !== MESSAGE_SYNC) return;
    // the relay's sync step 1 asks for our state: a read-only student has nothing to give, so no reply
    const kind = syncProtocol.readSyncMessage(d, encoding.createEncoder(), doc, null);
    if (kind === syncProtocol.messageYjsSyncStep2) synced = true;
  });
  return {
    doc,
    synced: () => synced,
    close: () => {
      clearInterval(renew);
      ws.close();
    },
  };
}

async function until(check: () => boolean, what: string, ms = 120_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

function commitOf(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: HERE }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: HERE }).toString().trim() !== '';
    return dirty ? `${sha}+changes` : sha;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const stateDir = mkdtempSync(join(os.tmpdir(), 'lparlab-bench-classroom-'));
  const relay = await spawnRelay({ port: PORT, stateDir, fresh: true });
  const pid = relay.child.pid!;
  const clients: ReturnType<typeof connect>[] = [];
  const students: ReturnType<typeof connectStudent>[] = [];
  try {
    progress(`relay on ${relay.url}, room ${relay.room}; ${STUDENTS} students joining ...`);
    const lecturer = connect(relay.url, relay.room, relay.key);
    clients.push(lecturer);
    await until(() => lecturer.provider.synced, 'the lecturer');
    replaceLines(lecturer.doc, [], { seed: 1, frames: 256, lesson: null, step: null, position: 0, playing: true });

    /** when each student received line i (performance.now() of this process) */
    const received: number[][] = [];
    const joinStart = performance.now();
    for (let s = 0; s < STUDENTS; s++) {
      const student = connectStudent(relay.url, relay.room, s + 1);
      students.push(student);
      const got: number[] = [];
      received.push(got);
      const lines = roomLines(student.doc);
      lines.observe(() => {
        const now = performance.now();
        for (let i = got.length; i < lines.length; i++) got.push(now);
      });
      // join in small waves, as a room does
      if (s % 25 === 24) await sleep(50);
    }
    await until(() => students.every((c) => c.synced()), 'every student to sync');
    const joinMs = performance.now() - joinStart;
    progress(`all joined in ${Math.round(joinMs)} ms; the lecturer types ${LINES} lines, one every ${GAP_MS} ms ...`);
    await sleep(1000);

    const before = usageOf(pid);
    const runStart = performance.now();
    const sent: number[] = [];
    for (let i = 0; i < LINES; i++) {
      sent.push(performance.now());
      appendLines(lecturer.doc, [`@A a${i} = area(4096)`]);
      await sleep(GAP_MS);
    }
    await until(() => received.every((got) => got.length >= LINES), 'every student to have every line');
    const runSec = (performance.now() - runStart) / 1000;
    const after = usageOf(pid);

    const toAll = sent.map((t, i) => Math.max(...received.map((got) => got[i]!)) - t);
    const each = sent.flatMap((t, i) => received.map((got) => got[i]! - t));
    const results = {
      commit: commitOf(),
      date: new Date().toISOString(),
      machine: `${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}, ${os.platform()} ${os.arch()}`,
      note: 'students: Y.Docs on their own websockets in one Node process beside the relay process, on loopback, renewing their presence every 15 s and not decoding each other\'s; the relay is y-websocket 2.1 behind the room-key check',
      students: STUDENTS,
      lines: LINES,
      gapMs: GAP_MS,
      joinMs,
      toEveryStudentMs: { p50: median(toAll), p95: percentile(toAll, 0.95), max: Math.max(...toAll) },
      perStudentMs: { p50: median(each), p95: percentile(each, 0.95) },
      relay: {
        rssMB: after.rssMB,
        peakRssMB: after.peakMB,
        cpuSec: after.cpuSec - before.cpuSec,
        cpuPercentOfOneCore: (100 * (after.cpuSec - before.cpuSec)) / runSec,
      },
    };
    writeFileSync(join(HERE, 'classroom-results.json'), `${JSON.stringify(results, null, 2)}\n`);
    const f = (n: number) => n.toFixed(1);
    console.log(`lparlab classroom bench on ${results.machine}`);
    console.log(`${STUDENTS} students, ${LINES} lines, one every ${GAP_MS} ms`);
    console.log(`line to every student: p50 ${f(results.toEveryStudentMs.p50)} ms, p95 ${f(results.toEveryStudentMs.p95)} ms (goal p95 < 250 ms: ${results.toEveryStudentMs.p95 < 250 ? 'yes' : 'NO'})`);
    console.log(`line to one student:   p50 ${f(results.perStudentMs.p50)} ms, p95 ${f(results.perStudentMs.p95)} ms`);
    console.log(`relay: ${f(results.relay.rssMB)} MB resident (peak ${f(results.relay.peakRssMB)} MB), ${f(results.relay.cpuPercentOfOneCore)} % of one core while the lecturer typed`);
    console.log('wrote bench/classroom-results.json');
  } finally {
    for (const c of clients) c.provider.destroy();
    for (const c of students) c.close();
    await relay.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

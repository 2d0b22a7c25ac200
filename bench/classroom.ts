// npm run bench:classroom [-- --students 300 --runs 3 --lines 20 --gap 200 --flood 1000 --flood-every 100 --port 0]
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
// memory and CPU from /proc. Each figure is the median of the runs. Writes
// bench/classroom-results.json with the commit, date and machine.
//
// Then the same under a flood (issue 18 §4): `--flood` more connections,
// opened by a second process (so its sending does not delay this one's
// clocks), each announcing a presence every `--flood-every` ms and trying to
// stuff four more; the lecturer goes on typing and we time the lines again,
// and count what the lecturer's page receives. `--flood 0` skips it.

import { execFileSync, spawn } from 'node:child_process';
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
import { presenceMessage } from '../src/cli/relayGuard.ts';
import { appendLines, replaceLines, roomLines } from '../src/ui/classroom/room.ts';
import { median, percentile } from './stats.ts';
import { CLASSROOM_FIGURES, figureOf } from './figures.ts';
import type { ClassroomResults } from './figures.ts';
import { provenance } from './provenance.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
// each simulated student's presence (y-protocols' Awareness) listens for the process's exit
process.setMaxListeners(0);

function option(name: string, fallback: number, least = 1): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < least) throw new Error(`--${name} takes a whole number from ${least}`);
  return value;
}

const STUDENTS = option('students', 300);
const LINES = option('lines', 20);
const RUNS = option('runs', 3);
const GAP_MS = option('gap', 200);
// 0 (the default): any free port
const PORT = option('port', 0, 0);
const FLOOD = option('flood', 1000, 0);
const FLOOD_EVERY_MS = option('flood-every', 100);

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

/** What the lecturer's connections (a reconnection included) have received: presence messages, and connections opened. */
const lecturerTraffic = { presenceMessages: 0, opened: 0 };

/** The lecturer's websocket: the provider's, counting what it receives. */
class CountingWebSocket extends WebSocket {
  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols);
    lecturerTraffic.opened++;
    this.on('message', (data: ArrayBuffer | Buffer) => {
      if (new Uint8Array(data as ArrayBuffer)[0] === MESSAGE_AWARENESS) lecturerTraffic.presenceMessages++;
    });
  }
}

function connect(url: string, room: string, key?: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: (key ? CountingWebSocket : WebSocket) as unknown as typeof globalThis.WebSocket,
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
      doc.destroy();
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

/** One run of typed lines: their delays to every student, and the relay's memory and CPU. */
interface Run {
  readonly toAllP50: number;
  readonly toAllP95: number;
  readonly eachP95: number;
  readonly rssMB: number;
  readonly cpuPercent: number;
}

/**
 * The flood: a second process opens FLOOD connections and makes each announce
 * its presence every FLOOD_EVERY_MS ms (with four presences it does not own)
 * while `typeRuns` times the lecturer's lines; we count the presence messages
 * reaching the lecturer's connection and the presences it ends up seeing.
 */
async function floodRuns(relay: { url: string; room: string }, lecturer: ReturnType<typeof connect>, typeRuns: () => Promise<Run[]>, baselineCpuPercent: number) {
  // at the lowest priority: in a classroom the flooding pages run on other
  // computers, so here their generator must not take the CPU from the relay
  // and the students it is timing (the rate it reaches is recorded)
  const child = spawn('nice', ['-n', '19', process.execPath, '--import', 'tsx', fileURLToPath(import.meta.url), '--flooder', relay.url, relay.room, String(FLOOD), String(FLOOD_EVERY_MS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await until(() => out.includes('ready\n'), 'the flooding connections to open');
    await sleep(2000);
    const counted = { ...lecturerTraffic };
    // the most presences the lecturer's page held at once (sampled): at most one per connection
    let presencesSeen = 0;
    const sample = setInterval(() => (presencesSeen = Math.max(presencesSeen, lecturer.provider.awareness.getStates().size)), 250);
    const start = performance.now();
    const runs = await typeRuns();
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sample);
    const presenceMessages = lecturerTraffic.presenceMessages - counted.presenceMessages;
    const lecturerReconnects = lecturerTraffic.opened - counted.opened;
    child.kill('SIGTERM');
    await exited;
    const sent = Number(/^sent (\d+) in (\d+) ms$/m.exec(out)?.[1] ?? NaN);
    const sentMs = Number(/^sent (\d+) in (\d+) ms$/m.exec(out)?.[2] ?? NaN);
    // one figure per run would need a count per run: the whole flood's rate stands for each
    // the relay's CPU beyond what the same typing cost without the flood, per announcement sent
    const extraCpu = median(runs.map((r) => r.cpuPercent)) - baselineCpuPercent;
    const sentPerSec = (1000 * sent) / sentMs;
    return { runs, sentPerSec, messagesToLecturerPerSec: [presenceMessages / seconds], presencesSeen, lecturerReconnects, relayCpuUsPerAnnouncement: (extraCpu / 100) * 1e6 / sentPerSec };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/** The flooding process: FLOOD connections, each announcing every EVERY ms, until SIGTERM; then prints how many it sent. */
async function flooder(url: string, room: string, n: number, everyMs: number): Promise<void> {
  const sockets: WebSocket[] = [];
  for (let i = 0; i < n; i++) {
    const ws = new WebSocket(`${url}/${room}`);
    ws.on('error', (e) => progress(`flooder: ${e.message}`));
    sockets.push(ws);
    if (i % 50 === 49) await sleep(50);
  }
  await until(() => sockets.every((ws) => ws.readyState === WebSocket.OPEN), 'every flooding connection to open');
  let sent = 0;
  let clock = 0;
  const start = performance.now();
  const timers: NodeJS.Timeout[] = [];
  sockets.forEach((ws, i) => {
    const own = 100_000_000 + i * 5;
    const announce = () => {
      if (ws.readyState !== WebSocket.OPEN) return;
      clock++;
      const state = (id: number) => JSON.stringify({ role: 'student', name: `flood ${id}`, following: true, step: null, answer: { question: 'flip:4', text: 'The control OS' } });
      ws.send(presenceMessage([0, 1, 2, 3, 4].map((k) => ({ clientID: own + k, clock, state: state(own + k) }))));
      sent++;
    };
    // spread over the interval, as a thousand independent pages would be
    timers.push(setTimeout(() => timers.push(setInterval(announce, everyMs)), (i * everyMs) / n));
  });
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => {
    for (const t of timers) clearTimeout(t);
    process.stdout.write(`sent ${sent} in ${Math.round(performance.now() - start)} ms\n`);
    for (const ws of sockets) ws.terminate();
    process.exit(0);
  });
}

async function main(): Promise<void> {
  const stateDir = mkdtempSync(join(os.tmpdir(), 'lparlab-bench-classroom-'));
  // every simulated student comes from this machine's one address: lift the per-address cap for them
  const relay = await spawnRelay({ port: PORT, stateDir, fresh: true, extraArgs: ['--max-per-address', String(STUDENTS + FLOOD + 10)] });
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
    progress(`all joined in ${Math.round(joinMs)} ms; the lecturer types ${RUNS} x ${LINES} lines, one every ${GAP_MS} ms ...`);
    await sleep(1000);

    let typed = 0;
    /** RUNS runs of LINES lines typed by the lecturer, each timed to every student */
    const typeRuns = async (label: string) => {
      const runs: Run[] = [];
      for (let run = 0; run < RUNS; run++) {
        const before = usageOf(pid);
        const runStart = performance.now();
        const sent: number[] = [];
        const first = typed;
        for (let i = 0; i < LINES; i++, typed++) {
          sent.push(performance.now());
          appendLines(lecturer.doc, [`@A a${typed} = area(4096)`]);
          await sleep(GAP_MS);
        }
        await until(() => received.every((got) => got.length >= typed), 'every student to have every line');
        const runSec = (performance.now() - runStart) / 1000;
        const after = usageOf(pid);
        const toAll = sent.map((t, i) => Math.max(...received.map((got) => got[first + i]!)) - t);
        const each = sent.flatMap((t, i) => received.map((got) => got[first + i]! - t));
        runs.push({
          toAllP50: median(toAll),
          toAllP95: percentile(toAll, 0.95),
          eachP95: percentile(each, 0.95),
          rssMB: after.rssMB,
          cpuPercent: (100 * (after.cpuSec - before.cpuSec)) / runSec,
        });
        progress(`${label}run ${run + 1} of ${RUNS}: line to every student p50 ${runs.at(-1)!.toAllP50.toFixed(1)} ms, p95 ${runs.at(-1)!.toAllP95.toFixed(1)} ms`);
      }
      return runs;
    };
    const runs = await typeRuns('');

    let flood: Awaited<ReturnType<typeof floodRuns>> | null = null;
    if (FLOOD > 0) {
      progress(`${FLOOD} more connections announcing a presence every ${FLOOD_EVERY_MS} ms ...`);
      flood = await floodRuns(relay, lecturer, () => typeRuns('under the flood: '), median(runs.map((r) => r.cpuPercent)));
    }

    const results: ClassroomResults & { detail: object } = {
      ...provenance(null),
      students: STUDENTS,
      lineToAllP50Ms: figureOf(CLASSROOM_FIGURES.lineToAllP50Ms, runs.map((r) => r.toAllP50)),
      lineToAllP95Ms: figureOf(CLASSROOM_FIGURES.lineToAllP95Ms, runs.map((r) => r.toAllP95)),
      relayRssMB: figureOf(CLASSROOM_FIGURES.relayRssMB, runs.map((r) => r.rssMB)),
      relayCpuPercent: figureOf(CLASSROOM_FIGURES.relayCpuPercent, runs.map((r) => r.cpuPercent)),
      ...(flood
        ? {
            floodLineToAllP95Ms: figureOf(CLASSROOM_FIGURES.floodLineToAllP95Ms, flood.runs.map((r) => r.toAllP95)),
            floodRelayCpuPercent: figureOf(CLASSROOM_FIGURES.floodRelayCpuPercent, flood.runs.map((r) => r.cpuPercent)),
            floodPresenceMessagesToLecturerPerSec: figureOf(CLASSROOM_FIGURES.floodPresenceMessagesToLecturerPerSec, flood.messagesToLecturerPerSec),
          }
        : {}),
      detail: {
        note: 'students: Y.Docs on their own websockets in one Node process beside the relay process, on loopback, renewing their presence every 15 s; the relay is y-websocket 2.1 behind the room-key check and sends presence to the key holder only',
        linesPerRun: LINES,
        gapMs: GAP_MS,
        joinMs,
        lineToOneStudentP95Ms: runs.map((r) => r.eachP95),
        flood: flood && {
          connections: FLOOD,
          everyMs: FLOOD_EVERY_MS,
          note: 'each flooding connection announces its own presence and four it does not own; the relay keeps one per connection, rate-limits each, and sends presence to the lecturer gathered every 100 ms',
          announcementsSentPerSec: flood.sentPerSec,
          relayCpuMicrosecondsPerAnnouncement: flood.relayCpuUsPerAnnouncement,
          loadAverage: os.loadavg(),
          lineToAllP50Ms: flood.runs.map((r) => r.toAllP50),
          lineToAllP95Ms: flood.runs.map((r) => r.toAllP95),
          presencesLecturerSees: flood.presencesSeen,
          lecturerReconnects: flood.lecturerReconnects,
          presencesAtMost: STUDENTS + FLOOD + 1,
        },
      },
    };
    writeFileSync(join(HERE, 'classroom-results.json'), `${JSON.stringify(results, null, 2)}\n`);
    const f = (n: number) => n.toFixed(1);
    console.log(`lparlab classroom bench: ${STUDENTS} students, ${RUNS} runs of ${LINES} lines, one every ${GAP_MS} ms (medians of the runs)`);
    console.log(`line to every student: p50 ${f(results.lineToAllP50Ms.value)} ms, p95 ${f(results.lineToAllP95Ms.value)} ms (goal ${results.lineToAllP95Ms.goal}: ${results.lineToAllP95Ms.met ? 'met' : 'NOT met'})`);
    console.log(`relay: ${f(results.relayRssMB.value)} MB resident, ${f(results.relayCpuPercent.value)} % of one core while the lecturer typed`);
    if (flood && results.floodLineToAllP95Ms && results.floodPresenceMessagesToLecturerPerSec) {
      console.log(
        `under a flood of ${FLOOD} connections (${Math.round(flood.sentPerSec)} announcements/s sent): line to every student p95 ${f(results.floodLineToAllP95Ms.value)} ms (goal ${results.floodLineToAllP95Ms.goal}: ${results.floodLineToAllP95Ms.met ? 'met' : 'NOT met'}); ` +
          `${f(results.floodPresenceMessagesToLecturerPerSec.value)} presence messages/s reached the lecturer; it saw ${flood.presencesSeen} presences (at most one per connection: ${STUDENTS + FLOOD + 1})`,
      );
    }
    console.log('wrote bench/classroom-results.json; `npm run bench:readme` puts it in the README');
  } finally {
    // a Y.Doc's destroy also stops its Awareness's timer, which otherwise keeps the process alive
    for (const c of clients) {
      c.provider.destroy();
      c.doc.destroy();
    }
    for (const c of students) c.close();
    await relay.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

const flooderAt = process.argv.indexOf('--flooder');
(flooderAt >= 0
  ? flooder(process.argv[flooderAt + 1]!, process.argv[flooderAt + 2]!, Number(process.argv[flooderAt + 3]), Number(process.argv[flooderAt + 4]))
  : main()
).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

// npm run classroom [--port 4400] [--host H] [--page URL] [--state DIR] [--fresh] [--max-per-address 32]
//
// `--port 0` takes any free port (the links printed name the one taken): the
// tests and the bench start relays that way, so they never meet a stranger's.
//
// Starts the classroom relay and prints the lecturer's link (with the room's
// key: that page may change the shared lab), the students' link (without it)
// and a QR code of the students' link. Loopback only unless --host says
// otherwise (e.g. --host 0.0.0.0 for students on the same network).
// --max-per-address caps the connections without the key from one client
// address (students behind one NAT address need it raised).

import { mkdtempSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { DEFAULT_MAX_PER_ADDRESS, classroomLinks, startRelay } from './relay.ts';

const USAGE = `usage: npm run classroom -- [--port 4400] [--host 127.0.0.1] [--page URL] [--state DIR] [--fresh] [--max-per-address ${DEFAULT_MAX_PER_ADDRESS}]`;

interface Args {
  readonly port: number;
  readonly host: string;
  readonly page: string;
  readonly stateDir: string | null;
  readonly fresh: boolean;
  readonly maxPerAddress: number;
}

export function parseArgs(argv: readonly string[]): { ok: true; args: Args } | { ok: false; message: string } {
  let port = 4400;
  let host = '127.0.0.1';
  let page = 'http://localhost:5173/';
  let stateDir: string | null = null;
  let fresh = false;
  let maxPerAddress = DEFAULT_MAX_PER_ADDRESS;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--fresh') {
      fresh = true;
      continue;
    }
    const value = argv[i + 1];
    if (!['--port', '--host', '--page', '--state', '--max-per-address'].includes(flag)) return { ok: false, message: `unknown option ${flag}\n${USAGE}` };
    if (value === undefined) return { ok: false, message: `${flag} needs a value\n${USAGE}` };
    i++;
    if (flag === '--port') {
      port = Number(value);
      if (!/^\d{1,5}$/.test(value) || port > 65535) return { ok: false, message: `--port takes a whole number from 0 (any free port) to 65535, not ${value}` };
    } else if (flag === '--host') {
      if (!/^[A-Za-z0-9.:-]+$/.test(value)) return { ok: false, message: `--host takes a host name or address, not ${value}` };
      host = value;
    } else if (flag === '--page') {
      try {
        const url = new URL(value);
        if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'file:') throw new Error('protocol');
      } catch {
        return { ok: false, message: `--page takes the address of the lab's page (http, https or file), not ${value}` };
      }
      page = value;
    } else if (flag === '--max-per-address') {
      maxPerAddress = Number(value);
      if (!/^\d{1,6}$/.test(value) || maxPerAddress < 1) return { ok: false, message: `--max-per-address takes a whole number from 1, not ${value}` };
    } else {
      stateDir = value;
    }
  }
  return { ok: true, args: { port, host, page, stateDir, fresh, maxPerAddress } };
}

/** The address students type: the host asked for, or this machine's first network address when listening on all of them. */
function publicHost(host: string): string {
  if (host !== '0.0.0.0' && host !== '::') return host.includes(':') ? `[${host}]` : host;
  for (const addrs of Object.values(networkInterfaces())) {
    const v4 = addrs?.find((a) => a.family === 'IPv4' && !a.internal);
    if (v4) return v4.address;
  }
  return '127.0.0.1';
}

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    process.exitCode = 2;
    return;
  }
  const { args } = parsed;
  // a relay on any free port has no port to name its folder after: it gets a new one
  const stateDir = args.stateDir ?? (args.port === 0 ? mkdtempSync(join(tmpdir(), 'lparlab-classroom-any-')) : join(tmpdir(), `lparlab-classroom-${args.port}`));
  let relay;
  try {
    relay = await startRelay({ port: args.port, host: args.host, stateDir, fresh: args.fresh, maxPerAddress: args.maxPerAddress });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(code === 'EADDRINUSE' ? `port ${args.port} is in use: try --port N\n` : `the relay could not start: ${(error as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  const links = classroomLinks(args.page, relay, publicHost(args.host));
  const qr = await QRCode.toString(links.students, { type: 'terminal', small: true });
  process.stdout.write(
    [
      `lparlab classroom relay on ws://${args.host}:${relay.port}, room ${relay.room} (kept in ${stateDir})`,
      '',
      'Lecturer (keep this link to yourself: it may change the shared lab):',
      `  ${links.lecturer}`,
      '',
      'Students:',
      `  ${links.students}`,
      '',
      qr,
      'Ctrl-C stops the relay; started again with the same --port (or --state), it serves the same room and lab.',
      '',
    ].join('\n'),
  );
  const stop = () => {
    void relay.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) void main();

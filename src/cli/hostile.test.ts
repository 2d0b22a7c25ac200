// lparsh against hostile input: control sequences, binary files, and output
// that must stream (each line's result is written before the next line is
// read), through the real command. Spawning tsx is slow on a busy machine,
// hence the long timeouts.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'lparsh.mjs');
const lparsh = (args: string[], input?: string | Buffer) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8' });
const TIMEOUT = 120_000;

/** Any C0 control but the newline, DEL or a C1 control: what a terminal may act on. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/; // eslint-disable-line no-control-regex

describe('lparsh and control characters', () => {
  const script = 'help \x1b]52;c;aGVsbG8=\x07\nx = "\u009b2J\x1b[3J\x1b[H"\nx\n# \x1b]8;;https://example.com\x07CLICK HERE\x1b]8;;\x07\n@A\x1b[2A\x1b[2K\n';

  it('never prints raw ESC or C1 in text and --echo modes, and shows them as escapes', () => {
    for (const args of [[], ['--echo']]) {
      const run = lparsh(args, script);
      expect(run.status).toBe(0);
      expect(run.stdout).not.toMatch(CONTROL);
      expect(run.stdout).toContain('\\x1b]52;c;aGVsbG8=\\x07');
      expect(run.stdout).toContain('\\u009b2J');
    }
    expect(lparsh(['--echo'], script).stdout).toContain('scp$ @A\\x1b[2A\\x1b[2K');
  }, TIMEOUT);

  it('keeps JSON escaping in --json mode and escapes C1 and DEL too', () => {
    const run = lparsh(['--json'], script);
    expect(run.stdout).not.toMatch(CONTROL);
    expect(run.stdout).toContain('\\u009b');
    const objects = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { input: string; value?: unknown });
    expect(objects[1]!.value).toBe('\u009b2J\x1b[3J\x1b[H');
    expect(objects[0]!.input).toBe('help \x1b]52;c;aGVsbG8=\x07');
  }, TIMEOUT);

  it('shows control characters in a bad option visibly', () => {
    const run = lparsh(['--\x1b[2J']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown option --\\x1b[2J');
    expect(run.stderr).not.toMatch(CONTROL);
  }, TIMEOUT);
});

describe('lparsh and input that is not a script', () => {
  it('refuses a binary file with a message, before running anything', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lparsh-'));
    const file = join(dir, 'program.bin');
    writeFileSync(file, Buffer.concat([Buffer.from('frames_free()\n\x7fELF'), Buffer.alloc(4096), Buffer.from('frames_free()\n')]));
    const run = lparsh([file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/is a binary file, not a script \(a NUL byte at offset 18\)/);
  }, TIMEOUT);

  it('refuses standard input that is not UTF-8', () => {
    const run = lparsh([], Buffer.from([0x66, 0xff, 0xfe, 0x0a]));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/standard input is not UTF-8 text/);
  }, TIMEOUT);
});

describe('lparsh streams its output', () => {
  it("writes a line's result before the next line has even been sent", async () => {
    const child = spawn(process.execPath, [BIN], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    const waitFor = (text: string) => new Promise<void>((resolve, reject) => {
      const check = () => { if (stdout.includes(text)) resolve(); };
      child.stdout.on('data', (d: Buffer) => { stdout += d.toString('utf8'); check(); });
      child.on('exit', () => (stdout.includes(text) ? resolve() : reject(new Error(`lparsh ended without printing ${text}: ${stdout}`))));
      check();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.stdin.write('frames_free()\n');
    await waitFor('= 160\n');
    // only now does the rest of the script arrive
    child.stdin.end('@A a = area(4096)\nframes_free()\n');
    expect(await exited).toBe(0);
    expect(stdout).toBe('= 160\n= 0x100000\n= 159\n');
  }, TIMEOUT);
});

describe('lparsh and deep nesting', () => {
  it('answers lines nested thousands deep with an error and runs the others', () => {
    const nested = ['['.repeat(4096), `x = ${'['.repeat(2046)}${']'.repeat(2046)}`, '('.repeat(4095)];
    const lines = Array.from({ length: 41 }, (_, i) => (i % 10 === 5 ? nested[Math.floor(i / 10) % 3]! : 'frames_free()'));
    const run = lparsh(['--json'], `${lines.join('\n')}\n`);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const objects = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { line: number; ok: boolean; message?: string });
    expect(objects).toHaveLength(41);
    for (const o of objects) {
      if (lines[o.line - 1] === 'frames_free()') expect(o.ok).toBe(true);
      else expect(o).toMatchObject({ ok: false, message: expect.stringMatching(/nest deeper than 32 levels/) });
    }
  }, TIMEOUT);
});

// The same example scripts through the real `lparsh` command, as a teacher
// would run them: text mode matches the golden results, JSON mode gives one
// well-formed object per result, and bad invocations fail cleanly.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishIn } from '../i18n/englishIn.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const BIN = join(ROOT, 'bin', 'lparsh.mjs');
const lparsh = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8' });

/** Each test starts node processes; on a busy two-core machine that can take far longer than Vitest's 5 s default. */
const SPAWNS = 60_000;

const scripts = readdirSync(EXAMPLES).filter((f) => f.endsWith('.lab')).sort();

describe('npx lparsh', () => {
  it.each(scripts)('runs %s with --json: one object per result, each blocked call completes or is interrupted', (script) => {
    const run = lparsh(['--json', join(EXAMPLES, script)]);
    expect(run.status).toBe(0);
    const objects = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const o of objects) {
      expect(typeof o.line).toBe('number');
      expect(typeof o.ctx).toBe('string');
      if ('blocked' in o) continue;
      if ('text' in o) continue;
      expect(typeof o.ok).toBe('boolean');
      expect(Array.isArray(o.events)).toBe(true);
      if (o.ok) expect(o).toHaveProperty('value');
      else expect(o).toMatchObject({ errno: expect.stringMatching(/^E[A-Z]+$/), message: expect.any(String) });
    }
    // the failures are the ones the golden transcript shows
    const golden = readFileSync(join(EXAMPLES, script.replace(/\.lab$/, '.out')), 'utf8');
    const goldenErrnos = [...golden.matchAll(/= -1 (E[A-Z]+)/g)].map((m) => m[1]);
    expect(objects.filter((o) => o.ok === false).map((o) => o.errno)).toEqual(goldenErrnos);
    for (const blocked of objects.filter((o) => 'blocked' in o)) {
      // exactly one completion: its result, or EINTR when the script interrupted it
      const done = objects.filter((o) => o.completes === blocked.line);
      expect(done.length, `line ${blocked.line} (${String(blocked.blocked)}) must complete exactly once`).toBe(1);
    }
  }, SPAWNS);

  it('takes the system control program\'s answers from a file on standard input, as a person would type them [0049]', () => {
    // npx lparsh --echo < examples/scp-answers.lab: the program's decisions are a file, the transcript is the golden one
    const script = readFileSync(join(EXAMPLES, 'scp-answers.lab'), 'utf8');
    const run = lparsh(['--echo'], script);
    expect(run.status).toBe(0);
    expect(run.stdout.replace(/^scp\$ #/gm, '#')).toBe(readFileSync(join(EXAMPLES, 'scp-answers.out'), 'utf8'));
    expect(run.stdout).toContain('[A] request(mem, 24) completes: = 24');
    expect(run.stdout).toContain('[B] request(mem, 40) completes: = -1 ENOMEM: the system control program refused: 40 pages would leave too little for the others');
  }, SPAWNS);

  it('reads standard input and prints text results', () => {
    const run = lparsh([], 'frames_free()\n@A a = area(4096)\nframes_free()\n');
    expect(run.stdout).toBe('= 160\n= 0x100000\n= 159\n');
  }, SPAWNS);

  it('prints the documented JSON for a blocked call and its completion', () => {
    const run = lparsh(['--json'], 's = socket(AF_LPAR, SOCK_SEQPACKET)\nbind(s, 7)\nlisten(s)\nfd = accept(s)\n@A ch = connect(7)\n');
    const objects = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(objects[3]).toMatchObject({ line: 4, ctx: 'scp', blocked: 'accept' });
    expect(objects[4]).toMatchObject({ line: 5, ctx: 'A', input: '@A ch = connect(7)', ok: true, value: 3 });
    expect(objects[4].events).toContain('S305(a)');
    expect(objects[5]).toMatchObject({ line: 5, ctx: 'scp', completes: 4, ok: true, value: 4 });
  }, SPAWNS);

  it('a call still blocked when the script ends is reported blocked, never completed', () => {
    const run = lparsh(['--json'], '@B rp = event_port()\n@A sp = event_connect(B, rp)\n');
    const objects = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objects[1]).toMatchObject({ line: 2, ctx: 'A', blocked: 'event_connect' });
    expect(objects.filter((o) => 'completes' in o)).toEqual([]);
  }, SPAWNS);

  it('takes --seed: the seed decides where areas land', () => {
    const where = (seed: string) => lparsh(['--seed', seed], '@A a = area(4096)\nframes\n').stdout;
    expect(where('1')).toBe(where('1'));
    expect(where('1')).not.toBe(where('2'));
  }, SPAWNS);

  // issue 18: a 40 MB line took 53 s (its text was split again at every chunk read) and was printed back whole
  it('refuses a line longer than MAX_LINE at once, whatever its length, and runs the next one', () => {
    const run = lparsh([], `frames_free()\n# ${'x'.repeat(8_000_000)}\r\nframes_free()\n`);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      '= 160',
      `= -1 EINVAL: the line is longer than 4096 characters, the most a line may hold; nothing was run (it starts # ${'x'.repeat(38)}…)`,
      '= 160',
      '',
    ]);
    const json = lparsh(['--json'], `${'y'.repeat(3_000_000)}`);
    expect(JSON.parse(json.stdout)).toMatchObject({ line: 1, ok: false, errno: 'EINVAL', input: 'y'.repeat(4097) });
  }, SPAWNS);

  it('refuses bad options and missing files with a message and status 2', () => {
    expect(lparsh(['--frames', '5']).status).toBe(2);
    // issue 18: exponent notation was read as 1000
    for (const [flag, value] of [['--frames', '1e3'], ['--seed', '1e3'], ['--frames', '0x1000.0'], ['--seed', ' 7']]) {
      const run = lparsh([flag!, value!], 'frames_free()\n');
      expect(run.status, `${flag} ${value}`).toBe(2);
      expect(run.stderr).toBe(`${flag} needs a whole number in digits, not ${value}\n`);
      expect(run.stdout).toBe('');
    }
    expect(lparsh(['--bogus']).stderr).toMatch(/unknown option --bogus/);
    const missing = lparsh(['/nonexistent/file.lab']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
    expect(execFileSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' })).toMatch(/usage: lparsh/);
  }, SPAWNS);

  it('takes --lang: help, notes and errors in Japanese, the command language and its values as they are (issue 23)', () => {
    const lines = 'help\n@A\n@A help send\n@A ch = connect(7)\nsned(1)\n1 + 2\nframes_free()\n';
    const ja = lparsh(['--lang', 'ja'], lines);
    expect(ja.status).toBe(0);
    expect(ja.stdout).toContain('システム制御プログラム（scp、プロブレムモード）で呼べるもの:');
    expect(ja.stdout).toContain('  lpar_create(名前, メモリのページ数, 論理プロセッサ数)');
    expect(ja.stdout).toContain('A（ゲストOS、スーパバイザモード）に切り替えました');
    expect(ja.stdout).toContain('  例: send(ch, a, "short text")');
    expect(ja.stdout).toMatch(/^= -1 ECONNREFUSED: サービス 7 を待ち受けている者はいません/m);
    expect(ja.stdout).toMatch(/^= -1 ENOENT: 呼び出し sned\(\) はありません（もしかして seed？）/m);
    expect(ja.stdout).toMatch(/^= -1 EINVAL: 3 桁目に構文エラー: /m);
    expect(ja.stdout).toMatch(/^= \d+$/m);
    // English is the engine's own sentences, with or without the flag
    expect(lparsh(['--lang', 'en'], lines).stdout).toBe(lparsh([], lines).stdout);
  }, SPAWNS);

  it('prints an exercise in Japanese with --lang ja: question, answer and why, the script as it is (issue 23)', () => {
    const en = lparsh(['--exercise', 'owner', '--seed', '23', '--answers']);
    const ja = lparsh(['--exercise', 'owner', '--seed', '23', '--answers', '--lang', 'ja']);
    expect(ja.status).toBe(0);
    const jaLines = ja.stdout.split('\n');
    expect(jaLines[0]).toBe('練習問題 owner #23：これらの呼び出しの後、A が a3 として確保した領域のフレームを持っているのはどれでしょう？ A、B、空きメモリのどれですか？');
    expect(jaLines).toContain('答え：空きメモリ');
    expect(jaLines.find((l) => l.startsWith('理由：'))).toMatch(/^理由：a3 は一度も送られず、A が解放しました。.*（3 個の領域のうち 1 個が送られました。）$/);
    // the script is the command language: the same lines in both
    const script = (out: string) => out.split('\n').filter((l) => /^ {0,2}\d+ {2}/.test(l));
    expect(script(ja.stdout)).toEqual(script(en.stdout));
    expect(script(en.stdout)).toContain('  8  @A free(a3)');
    // English is as it was, with or without the flag
    expect(en.stdout.split('\n')[0]).toBe('Exercise owner #23: After these calls, who owns the frame of the area A reserved as a3: A, B or free memory?');
    expect(en.stdout).toContain('\nAnswer: free memory\nWhy: a3 was never sent, and A freed it');
    expect(lparsh(['--exercise', 'owner', '--seed', '23', '--answers', '--lang', 'en']).stdout).toBe(en.stdout);
  }, SPAWNS);

  it('refuses a --lang it does not know with a message naming the languages, and runs nothing', () => {
    for (const args of [['--lang', 'xx'], ['--lang'], ['--lang', 'JA']]) {
      const run = lparsh(args, 'lpar_create("C", 8, 1)\n');
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^--lang takes en or ja/);
    }
  }, SPAWNS);

  it('says its usage and refuses bad options and input in Japanese with --lang ja, English as it was (issue 23)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lparsh-ja-'));
    const binary = join(dir, 'binary.lab');
    const latin1 = join(dir, 'latin1.lab');
    writeFileSync(binary, 'frames_free()\n\0');
    writeFileSync(latin1, Buffer.from([0x66, 0xe9, 0x0a]));
    const cases: [string[], RegExp][] = [
      [['--help'], /^usage: lparsh /],
      [['--bogus'], /^unknown option --bogus\nusage: lparsh /],
      [['a.lab', 'b.lab'], /^only one FILE, please\n/],
      [['--seed', 'x'], /^--seed needs a whole number in digits, not x\n$/],
      [['--frames', '5'], /^frames must be a whole number from 128 to 1048576\n$/],
      [['--seed', '99999999999'], /^the seed is a whole number from 0 to 4294967295\n$/],
      [['--exercise', 'nope'], /^--exercise takes owner or select\n$/],
      [[binary], /is a binary file, not a script \(a NUL byte at offset 14\); lparsh reads lines of text\n$/],
      [[latin1], /is not UTF-8 text; lparsh reads lines of text\n$/],
      [[join(dir, 'missing.lab')], /^lparsh: cannot read .*missing\.lab: ENOENT/],
    ];
    // the options, file names and formats, a lesson file's field (id) and the command language stay as typed; every other word is Japanese
    const english = (text: string) => text.split('\n').flatMap((line) => englishIn(line.replace(/\S*lparsh-ja-\S*|\S*\.[a-z]+\b/g, ' ').replace(/--?[a-z][\w-]*/gi, ' ').replace(/\b(lparsh|lparlab|FILE|KIND|ID|ASSIGNMENT|SUBMISSION|N|L|JSON|UTF-8|NUL|CSV|help|en|ja|owner|select|challenges|id|ENOENT)\b/g, ' ')));
    for (const [args, said] of cases) {
      const en = lparsh(args, '');
      expect(`${en.stdout}${en.stderr}`, args.join(' ')).toMatch(said);
      const ja = lparsh([...args, '--lang', 'ja'], '');
      expect(ja.status, args.join(' ')).toBe(en.status);
      expect(english(`${ja.stdout}${ja.stderr}`), args.join(' ')).toEqual([]);
    }
  }, 3 * SPAWNS); // 20 processes, not the 2-6 of the others: 108 s on this 2-core machine at load 18
});

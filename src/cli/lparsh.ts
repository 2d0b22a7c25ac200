// lparsh: the command language without the page. Reads lines from a file or
// standard input and prints what each does, as text or as JSON lines
// (SPEC §3). Teachers script demos with it; the tests drive the engine with it.
//
//   npx lparsh [--json] [--seed N] [--frames N] [FILE]

import { readFileSync } from 'node:fs';
import { createShell, runLine } from '../engine/shell/shell.ts';
import type { ShellState } from '../engine/shell/shell.ts';
import { formatOutput, toJsonLine } from '../engine/shell/format.ts';
import { promptOf } from '../engine/shell/shell.ts';
import { checkConfig, DEFAULT_CONFIG } from '../engine/index.ts';

const USAGE = `usage: lparsh [--json] [--seed N] [--frames N] [--echo] [FILE]
  Runs lparlab's command language headless, one line at a time, from FILE or
  standard input. Type "help" as a line to list the calls.
  --json      print one JSON object per result
  --seed N    the machine's seed (default 1)
  --frames N  physical frames (default 256; 128 to 1048576)
  --echo      print each line after its prompt before its result`;

interface Options {
  json: boolean;
  echo: boolean;
  seed: number;
  frames: number;
  file: string | null;
}

function parseArgs(argv: readonly string[]): Options | string {
  const options: Options = { json: false, echo: false, seed: DEFAULT_CONFIG.seed, frames: DEFAULT_CONFIG.frames, file: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--echo') options.echo = true;
    else if (arg === '--seed' || arg === '--frames') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value)) return `${arg} needs a whole number`;
      if (arg === '--seed') options.seed = value;
      else options.frames = value;
    } else if (arg === '--help' || arg === '-h') return USAGE;
    else if (arg.startsWith('-')) return `unknown option ${arg}\n${USAGE}`;
    else if (options.file === null) options.file = arg;
    else return `only one FILE, please\n${USAGE}`;
  }
  const problem = checkConfig({ ...DEFAULT_CONFIG, seed: options.seed, frames: options.frames });
  return problem ?? options;
}

function main(): number {
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    const help = options === USAGE;
    (help ? process.stdout : process.stderr).write(`${options}\n`);
    return help ? 0 : 2;
  }
  let input: string;
  try {
    input = readFileSync(options.file ?? 0, 'utf8');
  } catch (e) {
    process.stderr.write(`lparsh: cannot read ${options.file ?? 'standard input'}: ${(e as Error).message}\n`);
    return 2;
  }
  let shell: ShellState = createShell({ seed: options.seed, frames: options.frames });
  const out: string[] = [];
  for (const line of input.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n')) {
    const prompt = promptOf(shell);
    const ran = runLine(shell, line);
    shell = ran.shell;
    if (options.json) {
      for (const o of ran.out) out.push(JSON.stringify(toJsonLine(o)));
      continue;
    }
    if (options.echo && line.trim()) out.push(`${prompt}${line}`);
    for (const o of ran.out) out.push(...formatOutput(o));
  }
  process.stdout.write(out.length ? `${out.join('\n')}\n` : '');
  return 0;
}

process.exitCode = main();

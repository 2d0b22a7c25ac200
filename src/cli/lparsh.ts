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
import { checkConfig, DEFAULT_CONFIG, EXERCISE_KINDS, generateExercise } from '../engine/index.ts';
import type { ExerciseKind } from '../engine/index.ts';

const USAGE = `usage: lparsh [--json] [--seed N] [--frames N] [--echo] [FILE]
       lparsh --exercise KIND [--seed N] [--answers]
  Runs lparlab's command language headless, one line at a time, from FILE or
  standard input. Type "help" as a line to list the calls.
  --json            print one JSON object per result
  --seed N          the machine's seed, or the exercise's (default 1)
  --frames N        physical frames (default 256; 128 to 1048576)
  --echo            print each line after its prompt before its result
  --exercise KIND   print a generated exercise: ${EXERCISE_KINDS.join(' or ')}
  --answers         with --exercise: print the answer and why`;

interface Options {
  json: boolean;
  echo: boolean;
  exercise: ExerciseKind | null;
  answers: boolean;
  seed: number;
  frames: number;
  file: string | null;
}

function parseArgs(argv: readonly string[]): Options | string {
  const options: Options = { json: false, echo: false, exercise: null, answers: false, seed: DEFAULT_CONFIG.seed, frames: DEFAULT_CONFIG.frames, file: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--echo') options.echo = true;
    else if (arg === '--answers') options.answers = true;
    else if (arg === '--exercise') {
      const kind = argv[++i];
      if (!(EXERCISE_KINDS as readonly string[]).includes(kind ?? '')) return `--exercise takes ${EXERCISE_KINDS.join(' or ')}`;
      options.exercise = kind as ExerciseKind;
    }
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
  if (options.exercise) {
    const e = generateExercise(options.exercise, options.seed);
    const lines = [`Exercise ${e.kind} #${e.seed}: ${e.question}`, '', ...e.script.map((l, i) => `${String(i + 1).padStart(3)}  ${l}`)];
    if (options.answers) lines.push('', `Answer: ${e.answer}`, `Why: ${e.why}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
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

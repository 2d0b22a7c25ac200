// lparsh: the command language without the page. Reads lines from a file or
// standard input and prints what each does, as text or as JSON lines
// (docs/architecture.md, The command language). Teachers script demos with
// it; the tests drive the engine with it.
//
//   npx lparsh [--json] [--seed N] [--frames N] [--lang L] [FILE]

import { createReadStream } from 'node:fs';
// the engine's public surface only (src/engine/index.ts), as the page uses it
import type { ExerciseKind, Output as ShellOutput, ShellState } from '../engine/index.ts';
import { checkConfig, createShell, DEFAULT_CONFIG, EXERCISE_KINDS, formatOutput, generateExercise, jsonLine, MAX_FRAMES, MAX_LINE, MIN_FRAMES, promptOf, runLine, visible, wholeNumber } from '../engine/index.ts';
import { runLessonCommand } from './lessonCommands.ts';
import { ioWhy, runGradeCommand } from './gradeCommand.ts';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '../i18n/languages.ts';
import { readCatalog } from '../i18n/catalogFiles.ts';
import { makeTranslate, type Translate } from '../i18n/translate.ts';
import { formatOutputIn } from '../i18n/shellWords.ts';
import { exerciseIn } from '../i18n/wordsIn.ts';

/** "en or ja": the choices an option takes, joined as the language of `lang` says "or". */
const choices = (lang: Language, words: readonly string[]) => new Intl.ListFormat(lang, { type: 'disjunction' }).format(words);
const languageCodes = (lang: Language) => choices(lang, Object.keys(LANGUAGES));
const exerciseKinds = (lang: Language) => choices(lang, EXERCISE_KINDS);

/** lparsh's usage in `lang`: its own lines, then --lesson's and --grade's. */
const usage = (t: Translate, lang: Language) =>
  [t('lparsh.usage', { langs: languageCodes(lang), kinds: exerciseKinds(lang) }), t('lparsh.usage.lesson'), t('lparsh.grade.usage')].join('\n');

/** The language --lang asks for, read before the other arguments so their refusals are said in it (English when it names none). */
function languageOf(argv: readonly string[]): Language {
  const at = argv.indexOf('--lang');
  const lang = at < 0 ? undefined : argv[at + 1];
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
}

interface Options {
  json: boolean;
  echo: boolean;
  exercise: ExerciseKind | null;
  answers: boolean;
  seed: number;
  frames: number;
  file: string | null;
  lang: Language;
}

/** The options, or what to print instead: the usage (asked for) or why the arguments are refused, in the language of `t`. */
function parseArgs(argv: readonly string[], t: Translate, lang: Language): Options | { readonly help: boolean; readonly text: string } {
  const refuse = (text: string) => ({ help: false, text });
  const options: Options = { json: false, echo: false, exercise: null, answers: false, seed: DEFAULT_CONFIG.seed, frames: DEFAULT_CONFIG.frames, file: null, lang: DEFAULT_LANGUAGE };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--echo') options.echo = true;
    else if (arg === '--answers') options.answers = true;
    else if (arg === '--exercise') {
      const kind = argv[++i];
      if (!(EXERCISE_KINDS as readonly string[]).includes(kind ?? '')) return refuse(t('lparsh.arg.exercise', { kinds: exerciseKinds(lang) }));
      options.exercise = kind as ExerciseKind;
    }
    else if (arg === '--lang') {
      const wanted = argv[++i];
      if (!isLanguage(wanted)) return refuse(wanted === undefined ? t('lparsh.lang.takes', { langs: languageCodes(DEFAULT_LANGUAGE) }) : t('lparsh.lang.takesNot', { langs: languageCodes(DEFAULT_LANGUAGE), lang: visible(wanted) }));
      options.lang = wanted;
    }
    else if (arg === '--seed' || arg === '--frames') {
      const word = argv[++i];
      const value = word === undefined ? null : wholeNumber(word);
      if (value === null) return refuse(word === undefined ? t('lparsh.arg.number', { option: arg }) : t('lparsh.arg.numberNot', { option: arg, word: visible(word) }));
      if (arg === '--seed') options.seed = value;
      else options.frames = value;
    } else if (arg === '--help' || arg === '-h') return { help: true, text: usage(t, lang) };
    else if (arg.startsWith('-')) return refuse(`${t('lparsh.arg.unknown', { option: visible(arg) })}\n${usage(t, lang)}`);
    else if (options.file === null) options.file = arg;
    else return refuse(`${t('lparsh.arg.oneFile')}\n${usage(t, lang)}`);
  }
  // only the frames and the seed come from the arguments; the engine's check says which is out of range
  if (checkConfig({ ...DEFAULT_CONFIG, frames: options.frames }) !== null) return refuse(t('lparsh.arg.frames', { min: String(MIN_FRAMES), max: String(MAX_FRAMES) }));
  if (checkConfig({ ...DEFAULT_CONFIG, seed: options.seed }) !== null) return refuse(t('lparsh.arg.seed'));
  return options;
}

async function main(): Promise<number> {
  const gradeExit = runGradeCommand(process.argv.slice(2));
  if (gradeExit !== null) return gradeExit;
  const lessonExit = runLessonCommand(process.argv.slice(2));
  if (lessonExit !== null) return lessonExit;
  const argv = process.argv.slice(2);
  const lang = languageOf(argv);
  const t = makeTranslate(lang, readCatalog(lang));
  const options = parseArgs(argv, t, lang);
  if ('text' in options) {
    (options.help ? process.stdout : process.stderr).write(`${options.text}\n`);
    return options.help ? 0 : 2;
  }
  if (options.exercise) {
    const e = generateExercise(options.exercise, options.seed);
    // the kind is the option's word and the script the command language: the same in every language
    const { question, answer, why } = exerciseIn(t, e);
    const lines = [t('lparsh.exercise', { kind: e.kind, seed: String(e.seed), question }), '', ...e.script.map((l, i) => `${String(i + 1).padStart(3)}  ${l}`)];
    if (options.answers) lines.push('', t('lparsh.exercise.answer', { answer }), t('lparsh.exercise.why', { why }));
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  }
  return runScript(options, t);
}

/**
 * Run the script line by line as it is read, and write what each line
 * printed before the next one runs: output streams, and a later failure
 * never loses earlier output. Input that is not text (a NUL byte, or bytes
 * that are not UTF-8) stops the script with a message and status 2; a line
 * that breaks the engine is reported on standard error with its number, the
 * shell stays as it was before that line, and the next lines still run
 * (status 1 at the end). A slow reader of the output makes the script wait;
 * one that goes away ends it quietly; output that cannot be written is
 * reported as such, with status 2.
 */
async function runScript(options: Options, t: Translate): Promise<number> {
  const name = options.file ?? t('lparsh.script.stdin');
  const source = options.file === null ? process.stdin : createReadStream(options.file);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let shell: ShellState = createShell({ seed: options.seed, frames: options.frames });
  // English prints the engine's own sentences (the golden transcripts); another language formats the same words from its catalog
  const format = options.lang === 'en' ? formatOutput : (o: ShellOutput) => formatOutputIn(t, o);
  let status = 0;
  let lineNo = 0;
  let offset = 0;
  let rest = '';
  let skipping = false;

  /** Run one line and write its output; false once the output cannot be written any more. */
  const run = async (whole: string): Promise<boolean> => {
    lineNo++;
    // runLine looks at no more of a line than this either
    const line = whole.length > MAX_LINE ? whole.slice(0, MAX_LINE + 1) : whole;
    const out: string[] = [];
    if (!options.json && options.echo && line.trim()) out.push(`${promptOf(shell)}${visible(line)}`);
    try {
      // `lesson` lists a lesson's text in the language of --lang, like the rest of the words
      const ran = runLine(shell, line, { lang: options.lang });
      shell = ran.shell;
      for (const o of ran.out) {
        if (options.json) out.push(jsonLine(o));
        else out.push(...format(o));
      }
    } catch (e) {
      if (!(await write(stdout, out))) return false;
      await write(stderr, [`lparsh: ${t('lparsh.script.broke', { line: String(lineNo), error: visible(e instanceof Error ? `${e.name}: ${e.message}` : String(e)) })}`]);
      status = 1;
      return true;
    }
    return write(stdout, out);
  };
  const refuse = async (problem: string) => {
    await write(stderr, [`lparsh: ${visible(problem)}`]);
    source.destroy();
    return 2;
  };
  /** After the output stopped: quietly when its reader went away (`| head`), else with the write error and status 2. */
  const stopped = async () => {
    source.destroy();
    if (stdout.failed === null) return status;
    await write(stderr, [`lparsh: ${t('lparsh.script.cannotWrite', { why: visible(stdout.failed.message) })}`]);
    return 2;
  };

  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      const nul = chunk.indexOf(0);
      if (nul >= 0) return refuse(t('lparsh.script.binary', { name, offset: String(offset + nul) }));
      offset += chunk.length;
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        return refuse(t('lparsh.script.notText', { name }));
      }
      if (skipping) {
        // the rest of a line already too long: nothing of it is kept, up to its end
        const end = text.indexOf('\n');
        if (end < 0) continue;
        skipping = false;
        text = text.slice(end);
      }
      rest += text;
      const lines = rest.split('\n');
      rest = lines.pop()!;
      // a line past MAX_LINE is refused whatever its length: keep only what shows that, so a line
      // of 40 MB neither fills the memory nor is split again at every chunk
      if (rest.length > MAX_LINE) {
        rest = rest.slice(0, MAX_LINE + 1);
        skipping = true;
      }
      for (const line of lines) {
        // a CR LF ends a line, and so does a CR alone
        for (const part of line.replace(/\r$/, '').split('\r')) if (!(await run(part))) return stopped();
      }
    }
    rest += decoder.decode();
  } catch (e) {
    if (e instanceof TypeError) return refuse(t('lparsh.script.notText', { name }));
    return refuse(t('lparsh.file.cannotRead', { path: name, why: ioWhy(t, e) }));
  }
  // the last line, if it has no newline
  if (rest !== '') for (const part of rest.replace(/\r$/, '').split('\r')) if (!(await run(part))) return stopped();
  // a write still under way may yet fail: the status says so
  await new Promise<void>((resolve) => stdout.stream.write('', () => resolve()));
  return stdout.failed === null ? status : stopped();
}

/**
 * Standard output or error as a stream that says when it cannot take more.
 * Writing waits for 'drain' when the reader is slower than the script (a
 * pipe into `less`, or one `npx` left non-blocking): nothing is dropped and
 * nothing fails with EAGAIN. A reader that went away (EPIPE, `| head`) ends
 * the output quietly; any other error is kept to be reported as a write error.
 */
interface Output {
  readonly stream: NodeJS.WriteStream;
  /** the reader went away */
  gone: boolean;
  /** a write failed for another reason */
  failed: Error | null;
}

function outputOf(stream: NodeJS.WriteStream): Output {
  const output: Output = { stream, gone: false, failed: null };
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') output.gone = true;
    else output.failed ??= e;
  });
  return output;
}

const stdout = outputOf(process.stdout);
const stderr = outputOf(process.stderr);

/** Write lines; false once they cannot be written any more (the reader went away, or a write failed). */
async function write(output: Output, lines: readonly string[]): Promise<boolean> {
  if (output.gone || output.failed) return false;
  if (lines.length === 0) return true;
  if (!output.stream.write(`${lines.join('\n')}\n`)) {
    await new Promise<void>((resolve) => {
      const done = () => {
        output.stream.off('drain', done).off('error', done).off('close', done);
        resolve();
      };
      output.stream.on('drain', done).on('error', done).on('close', done);
    });
  }
  return !output.gone && output.failed === null;
}

process.exitCode = await main();

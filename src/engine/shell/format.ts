// Output as people read it (the terminal, lparsh, golden transcripts) and as
// JSON lines (lparsh --json, docs/architecture.md, The command language).

import type { Output, ShellState } from './shell.js';
import { createShell, promptOf, runLine } from './shell.js';
import { show, toJson } from './values.js';
import type { LabConfig } from '../types.js';
import { jsonText, visible } from './visible.js';

/**
 * The lines a person sees for one output. Every line goes through `visible`,
 * so a control character in what was typed (a string, a quoted input) is
 * shown as escape text and never acts on the terminal.
 */
export function formatOutput(o: Output): string[] {
  return outputLines(o).map(visible);
}

function outputLines(o: Output): string[] {
  switch (o.kind) {
    case 'result': return [`= ${show(o.value)}`];
    case 'error': {
      const [first, ...rest] = o.message.split('\n');
      return [`= -1 ${o.errno}: ${first}`, ...rest];
    }
    case 'blocked': return [`${o.ctx} is blocked in ${o.call}; other contexts stay usable (@A, @B, @scp)`];
    case 'complete': {
      const result = o.result.ok ? `= ${show(o.result.value)}` : `= -1 ${o.result.errno}: ${o.result.message}`;
      return [`[${o.ctx}] ${o.input} completes: ${result}`];
    }
    case 'text': return [...o.text];
  }
}

/** One output as one line of JSON text (`lparsh --json`), with C1 controls escaped too. */
export function jsonLine(o: Output): string {
  return jsonText(toJsonLine(o));
}

/** One JSON object per output, as docs/architecture.md describes for `lparsh --json`. */
export function toJsonLine(o: Output): Record<string, unknown> {
  switch (o.kind) {
    case 'result': return { line: o.line, ctx: o.ctx, input: o.input, ok: true, value: toJson(o.value), events: o.events };
    // what the machine did before it refused: a fault, a refused connect, a policy denial
    case 'error': return { line: o.line, ctx: o.ctx, input: o.input, ok: false, errno: o.errno, message: o.message, events: o.events ?? [] };
    case 'blocked': return { line: o.line, ctx: o.ctx, blocked: o.call, input: o.input, events: o.events };
    case 'complete': return o.result.ok
      ? { line: o.line, ctx: o.ctx, completes: o.completes, input: o.input, ok: true, value: toJson(o.result.value), events: [] }
      : { line: o.line, ctx: o.ctx, completes: o.completes, input: o.input, ok: false, errno: o.result.errno, message: o.result.message, events: [] };
    case 'text': return { line: o.line, ctx: o.ctx, input: o.input, ok: true, text: o.text, events: [] };
  }
}

/**
 * Run a script as a person would type it and give the readable transcript:
 * each line after its prompt, then what it printed. Golden tests compare this.
 */
export function transcript(script: string, config: Partial<LabConfig> = {}): string {
  let shell: ShellState = createShell(config);
  const out: string[] = [];
  for (const line of script.split('\n')) {
    const prompt = promptOf(shell);
    const ran = runLine(shell, line);
    shell = ran.shell;
    if (line.trim() === '' || line.trim().startsWith('#')) {
      out.push(visible(line));
      continue;
    }
    out.push(`${prompt}${visible(line)}`);
    for (const o of ran.out) out.push(...formatOutput(o));
  }
  return `${out.join('\n').replace(/\s+$/, '')}\n`;
}

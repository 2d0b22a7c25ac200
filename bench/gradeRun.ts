// The grader as `lparsh --grade` runs it, in a process of its own so that its
// time and peak memory are the grader's alone: `node --import tsx
// bench/gradeRun.ts ASSIGNMENT FOLDER CSV` prints one JSON line
// { ms, maxRssMB, exit } (bench/grade.ts starts it).

import { performance } from 'node:perf_hooks';
import { nodeGradeIo, runGradeCommand } from '../src/cli/gradeCommand.ts';

const [assignment, folder, csvPath] = process.argv.slice(2);
const t0 = performance.now();
const exit = runGradeCommand(['--grade', assignment!, folder!, '--csv', csvPath!], { ...nodeGradeIo, out: () => {} });
const ms = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, exit })}\n`);

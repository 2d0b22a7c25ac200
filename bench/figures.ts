// The measured figures as data: which figures each benchmark writes, what they
// mean and what their goals are, how several runs become one figure (the
// median, with the lowest and highest run), and how the README's figures
// section is rendered from bench/results.json and bench/ui-results.json.
// Pure: no file or process access, so a unit test can render the committed
// JSON and compare it with the README.

import { fmt, median } from './stats.ts';

/** A goal: the figure compared with a bound. */
export interface Goal {
  readonly op: '<' | '<=' | '>=';
  readonly bound: number;
}

/** One figure in a results file: the median of `runs` runs, their spread, the goal and whether it is met. */
export interface Figure {
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
  readonly unit: string;
  /** the goal as written in the README (`< 16.7 ms`), or null when the figure has none */
  readonly goal: string | null;
  readonly met: boolean | null;
}

/** Where and when the figures were measured. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly node: string;
  /** null when no Chromium was found (the engine bench only asks for its version) */
  readonly chromium: string | null;
  readonly os: string;
}

/**
 * How fast the machine was in this run: units per second of the fixed
 * reference workload (bench/reference.ts), higher is faster. Files written
 * before the yardstick existed have none.
 */
export interface ReferenceScores {
  readonly node: Figure;
  /** in Chromium at full speed (bench:ui only) */
  readonly chromium?: Figure;
  /** in Chromium with the CPU slowed as the throttled figures are (bench:ui only) */
  readonly chromiumThrottled?: Figure;
  /** in Chromium with the CPU slowed as a phone's (CPU / 6: the phone figures; bench:ui only, absent before they existed) */
  readonly chromiumPhone?: Figure;
}

export interface Provenance {
  /** the commit measured; `+dirty` when src/ had uncommitted changes */
  readonly commit: string;
  /** ISO date and time of the measurement */
  readonly date: string;
  readonly machine: Machine;
  readonly reference?: ReferenceScores;
}

/** The reference workload's scores as figures (no goal: they describe the machine). */
export const REFERENCE_FIGURES = {
  node: { label: 'reference score, Node', unit: '/s', goal: null },
  chromium: { label: 'reference score, Chromium', unit: '/s', goal: null },
  chromiumThrottled: { label: 'reference score, Chromium, CPU / 4', unit: '/s', goal: null },
  chromiumPhone: { label: 'reference score, Chromium, CPU / 6', unit: '/s', goal: null },
} as const satisfies Record<string, FigureSpec>;

interface FigureSpec {
  readonly label: string;
  readonly unit: string;
  readonly goal: Goal | null;
}

/** `npm run bench`: the engine in Node. Names are stable: tools read them. */
export const ENGINE_FIGURES = {
  engineTransfersPerSec1: { label: 'engine flip transfers/s, 1 page (area, send, recv, free)', unit: '/s', goal: null },
  engineTransfersPerSec16: { label: 'engine flip transfers/s, 16 pages', unit: '/s', goal: null },
  unixRoundTripsPerSec: { label: 'Node AF_UNIX round trips/s, 4 KiB, same process', unit: '/s', goal: null },
  engineVsUnix: { label: 'engine / AF_UNIX, round by round', unit: 'x', goal: { op: '>=', bound: 10 } },
  scale1Mvs1K: { label: 'per-transfer time, 1,048,576 frames / 1,024 frames', unit: 'x', goal: { op: '<=', bound: 1.2 } },
  stepBackMs100k: { label: 'step back one moment, 100,000-event timeline', unit: 'ms', goal: { op: '<', bound: 16 } },
  seekMs100k: { label: 'seek to a random moment, 100,000 events', unit: 'ms', goal: { op: '<', bound: 100 } },
  heapMBPer100kEvents: { label: 'heap per 100,000 events (MB = 2^20 bytes)', unit: 'MB', goal: { op: '<=', bound: 25 } },
} as const satisfies Record<string, FigureSpec>;

/** `npm run bench:ui`: the page in Chromium. "CPU / 4" is Chromium's CPU throttling at rate 4. */
export const UI_FIGURES = {
  stressP95Ms: { label: 'frame work p95, stress (8 partitions, 4,096 frames, a flip every frame)', unit: 'ms', goal: { op: '<', bound: 16.7 } },
  bigMemoryP95Ms: { label: 'frame work p95, Memory view at 1,048,576 frames, a flip every frame', unit: 'ms', goal: { op: '<', bound: 16.7 } },
  longFramesStress: { label: 'long animation frames (> 50 ms) during the stress', unit: '', goal: { op: '<=', bound: 0 } },
  firstLoadKBgz: { label: 'first-load JavaScript, gzip (xterm.js in its own lazy chunk)', unit: 'KB', goal: { op: '<=', bound: 250 } },
  throttledLoadMs: { label: 'CPU / 4: cold load to a usable terminal (a typed line answered)', unit: 'ms', goal: { op: '<', bound: 1500 } },
  throttledLinkOpenMs: { label: 'CPU / 4: open a share link of 300 typed lines, to the replayed moment', unit: 'ms', goal: { op: '<', bound: 1000 } },
  throttledStressP95Ms: { label: 'CPU / 4: frame work p95, stress', unit: 'ms', goal: { op: '<', bound: 33 } },
  longSessionEnterP95Ms: { label: 'CPU / 4, after 5,000 typed lines: Enter to the result painted, p95', unit: 'ms', goal: { op: '<', bound: 50 } },
  longSessionScrubMs: { label: 'CPU / 4, after 5,000 typed lines: scrub to the start or back to the end, click to painted', unit: 'ms', goal: { op: '<', bound: 100 } },
  typingFlipsPerSec: { label: 'typing walk: the stress\'s flips typed through the terminal (4,096 frames, a flip every frame), flips per second', unit: '/s', goal: { op: '>=', bound: 57 } },
  typingP95Ms: { label: 'typing walk: frame work p95', unit: 'ms', goal: { op: '<', bound: 16.7 } },
  typingLongFrames: { label: 'typing walk: long animation frames (> 50 ms)', unit: '', goal: { op: '<=', bound: 0 } },
  phoneLoadMs: { label: 'phone (390x844, touch, CPU / 6): cold load to a usable input line (a line typed on it answered)', unit: 'ms', goal: { op: '<', bound: 3000 } },
  phoneFollowP95Ms: { label: 'phone (CPU / 6) following a lecturer (full speed) through the relay: Enter to the student\'s Memory view painted, p95', unit: 'ms', goal: { op: '<', bound: 500 } },
} as const satisfies Record<string, FigureSpec>;

/** `npm run bench:classroom`: the classroom relay and simulated students on loopback. */
export const CLASSROOM_FIGURES = {
  lineToAllP50Ms: { label: 'classroom, 300 students: a lecturer\'s line to every student, p50', unit: 'ms', goal: null },
  lineToAllP95Ms: { label: 'classroom, 300 students: a lecturer\'s line to every student, p95', unit: 'ms', goal: { op: '<', bound: 250 } },
  relayRssMB: { label: 'classroom relay resident memory, 300 students', unit: 'MB', goal: null },
  relayCpuPercent: { label: 'classroom relay CPU while the lecturer types a line every 200 ms (% of one core)', unit: '%', goal: null },
  floodLineToAllP95Ms: { label: 'classroom, 300 students and 1,000 more connections announcing a presence every 100 ms: a lecturer\'s line to every student, p95', unit: 'ms', goal: { op: '<', bound: 250 } },
  floodRelayCpuPercent: { label: 'classroom relay CPU under that flood (% of one core)', unit: '%', goal: null },
  floodPresenceMessagesToLecturerPerSec: { label: 'presence messages reaching the lecturer\'s page per second under that flood', unit: '/s', goal: null },
} as const satisfies Record<string, FigureSpec>;

/** `npm run bench:grade`: lparsh --grade on 1,000 generated hand-ins of a five-task assignment. */
export const GRADE_FIGURES = {
  gradeSeconds: { label: 'lparsh --grade, 1,000 hand-ins of 5 tasks (about 40 lines each), replayed and checked', unit: 's', goal: { op: '<', bound: 30 } },
  gradePeakMB: { label: 'lparsh --grade, 1,000 hand-ins: peak resident memory', unit: 'MB', goal: { op: '<', bound: 500 } },
} as const satisfies Record<string, FigureSpec>;

export type EngineFigure = keyof typeof ENGINE_FIGURES;
export type UiFigure = keyof typeof UI_FIGURES;
export type ClassroomFigure = keyof typeof CLASSROOM_FIGURES;
export type EngineResults = Provenance & { readonly [K in EngineFigure]: Figure };
/**
 * Figures measured in a run of their own (`LPARLAB_BENCH_ONLY=... LPARLAB_BENCH_MERGE=1
 * npm run bench:ui`) and merged into a results file measured earlier: the
 * commit, date and reference score of that run, so each row still says how
 * fast the machine was when it was measured.
 */
export interface ApartRun {
  readonly figures: readonly string[];
  readonly commit: string;
  readonly date: string;
  readonly reference?: ReferenceScores;
}
export type UiResults = Provenance & { readonly [K in UiFigure]: Figure } & { readonly apart?: readonly ApartRun[] };
/** The flood's figures are absent from files written before the flood was measured. */
type FloodFigure = 'floodLineToAllP95Ms' | 'floodRelayCpuPercent' | 'floodPresenceMessagesToLecturerPerSec';
export type ClassroomResults = Provenance & { readonly students: number } & { readonly [K in Exclude<ClassroomFigure, FloodFigure>]: Figure } & {
  readonly [K in FloodFigure]?: Figure;
};
export type GradeFigure = keyof typeof GRADE_FIGURES;
export type GradeResults = Provenance & { readonly students: number } & { readonly [K in GradeFigure]: Figure };

const withUnit = (n: number, unit: string) => (unit === '' ? fmt(n) : unit === 'x' ? `${fmt(n)}x` : unit === '/s' ? fmt(n) : `${fmt(n)} ${unit}`);

export function goalText(goal: Goal | null, unit: string): string | null {
  if (!goal) return null;
  const bound = goal.bound.toLocaleString('en-US', { maximumFractionDigits: 3 });
  return `${goal.op} ${unit === 'x' ? `${bound}x` : unit === '' || unit === '/s' ? bound : `${bound} ${unit}`}`;
}

export function meets(value: number, goal: Goal | null): boolean | null {
  if (!goal) return null;
  switch (goal.op) {
    case '<': return value < goal.bound;
    case '<=': return value <= goal.bound;
    case '>=': return value >= goal.bound;
  }
}

/** Several runs of one measure as one figure: their median and spread, against the spec's goal. */
export function figureOf(spec: FigureSpec, runs: readonly number[]): Figure {
  if (runs.length === 0 || runs.some((r) => !Number.isFinite(r))) throw new Error(`bench: ${spec.label}: no runs, or a run that is not a number (${runs.join(', ')})`);
  const value = median(runs);
  return { value, min: Math.min(...runs), max: Math.max(...runs), runs: runs.length, unit: spec.unit, goal: goalText(spec.goal, spec.unit), met: meets(value, spec.goal) };
}

export const MARK_START = '<!-- figures:start -->';
export const MARK_END = '<!-- figures:end -->';

/** How fast the machine was, in words: each reference score with its spread, or that none was measured. */
export function referenceLine(reference: ReferenceScores | undefined): string {
  if (!reference) return 'Reference score: not measured in this run (the results predate the yardstick).';
  const score = (f: Figure) => `${fmt(f.value)} (${f.runs}: ${fmt(f.min)} - ${fmt(f.max)})`;
  const parts = [`Node ${score(reference.node)}`];
  if (reference.chromium) parts.push(`Chromium ${score(reference.chromium)}`);
  if (reference.chromiumThrottled) parts.push(`Chromium at CPU / 4 ${score(reference.chromiumThrottled)}`);
  if (reference.chromiumPhone) parts.push(`Chromium at CPU / 6 ${score(reference.chromiumPhone)}`);
  return `Reference score of the machine in the same run (units of \`bench/reference.ts\` per second, higher is faster): ${parts.join('; ')}.`;
}

function provenanceLine(what: string, p: Provenance): string {
  const m = p.machine;
  const commit = p.commit.replace(/^([0-9a-f]{10})[0-9a-f]*/, '$1');
  const chromium = m.chromium ? `, Chromium ${m.chromium}` : '';
  return `\`${what}\` at commit \`${commit}\` on ${p.date.slice(0, 10)}: ${m.cpu}, ${m.cores} cores, Node ${m.node}${chromium}, ${m.os}. ${referenceLine(p.reference)}`;
}

/**
 * `previous` with the figures of a run measured apart put in (a run measured
 * apart earlier loses those figures; one left with none is dropped); the
 * rest of the file, its commit and reference score stay as measured.
 */
export function mergeApart(previous: UiResults, measured: Readonly<Record<string, Figure>>, run: Omit<ApartRun, 'figures'>): UiResults {
  const names = Object.keys(measured);
  const earlier = (previous.apart ?? [])
    .map((r) => ({ ...r, figures: r.figures.filter((f) => !names.includes(f)) }))
    .filter((r) => r.figures.length > 0);
  return { ...previous, ...measured, apart: [...earlier, { ...run, figures: names }] };
}

/** The mark of the `i`-th run measured apart: [a], [b], ... */
const apartMark = (i: number) => `[${String.fromCharCode(97 + i)}]`;

/** Below a table: for each run measured apart, which rows, when, and the reference score of that run. */
export function apartLines(apart: readonly ApartRun[] | undefined): string[] {
  return (apart ?? []).flatMap((run, i) => [
    '',
    `${apartMark(i)} Measured apart from the rest of this table (\`LPARLAB_BENCH_ONLY=... LPARLAB_BENCH_MERGE=1 npm run bench:ui\`) at commit \`${run.commit.replace(/^([0-9a-f]{10})[0-9a-f]*/, '$1')}\` on ${run.date.slice(0, 10)}. ${referenceLine(run.reference)}`,
  ]);
}

function table(specs: Record<string, FigureSpec>, results: Provenance & { readonly apart?: readonly ApartRun[] }): string[] {
  const figures = results as unknown as Record<string, Figure | undefined>;
  const rows = ['| figure | median | runs: lowest - highest | goal | met |', '| --- | --- | --- | --- | --- |'];
  for (const [name, bare] of Object.entries(specs)) {
    const apartAt = (results.apart ?? []).findIndex((run) => run.figures.includes(name));
    const spec = apartAt < 0 ? bare : { ...bare, label: `${bare.label} ${apartMark(apartAt)}` };
    const f = figures[name];
    if (!f) {
      rows.push(`| ${spec.label} | not measured | | ${goalText(spec.goal, spec.unit) ?? ''} | |`);
      continue;
    }
    const spread = f.runs > 1 ? `${f.runs}: ${withUnit(f.min, f.unit)} - ${withUnit(f.max, f.unit)}` : '1 (not a timing)';
    const met = f.met === null ? '' : f.met ? 'yes' : '**no**';
    rows.push(`| ${spec.label} | ${withUnit(f.value, f.unit)} | ${spread} | ${f.goal ?? ''} | ${met} |`);
  }
  return rows;
}

/** The README's figures section (between the markers, markers excluded) for these results. */
export function renderFigures(engine: EngineResults, ui: UiResults, classroom: ClassroomResults | null = null, grade: GradeResults | null = null): string {
  return [
    '',
    'Generated by `npm run bench:readme` from `bench/results.json` and',
    '`bench/ui-results.json`; a unit test keeps this table equal to them. Each',
    'figure is the median of several runs, shown with its lowest and highest run;',
    'a ratio is taken within each run, side by side. Absolute numbers vary with',
    'the machine and its load: each run also scores a fixed JavaScript workload',
    '(the reference score), so a figure from a slower machine can be told from',
    'a slower lab: a time scales about as 1 / score, a rate as the score.',
    '',
    `Engine: ${provenanceLine('npm run bench', engine)}`,
    '',
    ...table(ENGINE_FIGURES, engine),
    '',
    `Page: ${provenanceLine('npm run bench:ui', ui)}`,
    '',
    ...table(UI_FIGURES, ui),
    ...apartLines(ui.apart),
    '',
    ...(classroom
      ? [`Classroom: ${provenanceLine('npm run bench:classroom', classroom)}`, '', ...table(CLASSROOM_FIGURES, classroom)]
      : ['Classroom: not measured on this commit yet (`npm run bench:classroom` writes `bench/classroom-results.json`).']),
    '',
    ...(grade
      ? [`Homework: ${provenanceLine('npm run bench:grade', grade)}`, '', ...table(GRADE_FIGURES, grade), '']
      : []),
  ].join('\n');
}

/** The README with its figures section replaced; an error when the markers are missing. */
export function replaceFigures(readme: string, section: string): { ok: true; text: string } | { ok: false; message: string } {
  const start = readme.indexOf(MARK_START);
  const end = readme.indexOf(MARK_END);
  if (start < 0 || end < start) return { ok: false, message: `README.md has no ${MARK_START} ... ${MARK_END} section` };
  return { ok: true, text: readme.slice(0, start + MARK_START.length) + section + readme.slice(end) };
}

/** The README's figures section as it stands, or null without markers. */
export function currentFigures(readme: string): string | null {
  const start = readme.indexOf(MARK_START);
  const end = readme.indexOf(MARK_END);
  return start < 0 || end < start ? null : readme.slice(start + MARK_START.length, end);
}

// A seeded exercise generator: the same kind and seed always give the same
// script and question, and the answer comes from running the script on the
// engine, so it is right by construction. Used in the page and by
// `lparsh --exercise KIND --seed N [--answers]`. Like the shell's errors
// (words.ts), each text is given twice: its English sentence (lparsh, the
// grader's answer) and its words, a catalog id and values that src/i18n puts
// in the reader's language (issue 23); the script is the command language.

import { nextRandom, seedRng } from '../machine/rng.js';
import { createShell, runLine } from '../shell/shell.js';
import { show } from '../shell/values.js';
import { ownerOfFrame } from '../views/inspect.js';
import { eventsOf } from '../timeline/timeline.js';
import type { Words, WordValue } from '../words.js';
import { words } from '../words.js';

export const EXERCISE_KINDS = ['owner', 'select'] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

export interface Exercise {
  readonly kind: ExerciseKind;
  readonly seed: number;
  readonly question: string;
  readonly script: readonly string[];
  readonly answer: string;
  readonly why: string;
  /**
   * The question, answer and why as words: the answer is a name as it is
   * (`A`, `[s0, s1]`) or words (free memory). An answer in words has `accept`
   * too: the other forms a reader of the language may write for it, `|`
   * between them, which the grader takes as well as the answer's own text.
   */
  readonly words: { readonly question: Words; readonly answer: WordValue; readonly why: Words; readonly accept?: Words };
}

/** A tiny seeded chooser over the engine's generator. */
function chooser(seed: number) {
  let rng = seedRng(seed);
  const roll = () => {
    const r = nextRandom(rng);
    rng = r.rng;
    return r.value;
  };
  return { int: (n: number) => Math.floor(roll() * n), chance: (p: number) => roll() < p };
}

function run(script: readonly string[]) {
  let shell = createShell();
  const printed: string[] = [];
  for (const line of script) {
    const ran = runLine(shell, line);
    shell = ran.shell;
    for (const o of ran.out) printed.push(o.kind === 'result' ? show(o.value) : o.kind);
  }
  return { shell, printed };
}

/** Why the frame has its owner, by whether the area was sent and whether it was freed. */
const OWNER_REASONS = {
  unsentFreed: { id: 'exercise.owner.why.unsentFreed', english: (a: string) => `${a} was never sent, and A freed it: its frames went back to free memory (the lab's free, lab:free: S109 is the receiver's discard).` },
  unsent: { id: 'exercise.owner.why.unsent', english: (a: string) => `${a} was never sent: its frames still belong to A.` },
  // S107: sending flips the area's frames to the receiver; S109: the receiver discards it
  sentFreed: { id: 'exercise.owner.why.sentFreed', english: (a: string) => `${a} was sent, so its frames flipped to B (S107); B then freed it (S109).` },
  sent: { id: 'exercise.owner.why.sent', english: (a: string) => `${a} was sent: the flip made its frames B's (S107), whether or not B has read it yet.` },
} as const;

/** "Who owns the frames of area aN after these calls?" */
function ownerExercise(seed: number): Exercise {
  const pick = chooser(seed);
  const script = ['@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)'];
  const areas: string[] = [];
  let inB = 0;
  const rounds = 3 + pick.int(3);
  for (let i = 1; i <= rounds; i++) {
    const name = `a${i}`;
    script.push(`@A ${name} = area(${[100, 4096, 8192][pick.int(3)]})`);
    areas.push(name);
    if (pick.chance(0.6)) {
      script.push(`@A send(ch, ${name}, "m${i}")`);
      inB++;
      if (pick.chance(0.5)) {
        script.push(`@B r${i} = recv(chb)`);
        if (pick.chance(0.5)) script.push(`@B free(r${i}.addr)`);
      }
    } else if (pick.chance(0.3)) {
      script.push(`@A free(${name})`);
    }
  }
  const target = areas[pick.int(areas.length)]!;
  // find the frames the target area got when it was reserved
  const reserveLine = script.findIndex((l) => l.startsWith(`@A ${target} = area(`));
  const before = run(script.slice(0, reserveLine + 1)).shell;
  const frame = eventsOf(before.timeline, before.timeline.length - 1).find((e) => e.kind === 'area.reserve')!.frames![0]!;
  const after = run(script).shell;
  const owner = ownerOfFrame(after.timeline.current, frame)!;
  const sent = script.some((l) => l.startsWith(`@A send(ch, ${target},`));
  const reason = !sent
    ? owner === 'free' ? 'unsentFreed' : 'unsent'
    : owner === 'free' ? 'sentFreed' : 'sent';
  const whyWords = words('exercise.owner.why', { reason: words(OWNER_REASONS[reason].id, { area: target }), sent: inB, areas: areas.length });
  return {
    kind: 'owner', seed, script,
    question: `After these calls, who owns the frame of the area A reserved as ${target}: A, B or free memory?`,
    answer: owner === 'free' ? 'free memory' : owner,
    why: `${OWNER_REASONS[reason].english(target)} (${inB} of ${areas.length} areas were sent.)`,
    words: {
      question: words('exercise.owner.question', { area: target }),
      answer: owner === 'free' ? words('exercise.owner.answer.free') : owner,
      why: whyWords,
      ...(owner === 'free' ? { accept: words('exercise.owner.accept.free') } : {}),
    },
  };
}

/** "What does this select return?" */
function selectExercise(seed: number): Exercise {
  const pick = chooser(seed);
  const script = ['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@A cha = connect(7)', '@B chb = connect(7)', 's0 = accept(s)', 's1 = accept(s)'];
  const pending = { A: 0, B: 0 };
  const steps = 2 + pick.int(4);
  for (let i = 1; i <= steps; i++) {
    const who = pick.chance(0.5) ? 'A' : 'B';
    const ch = who === 'A' ? 'cha' : 'chb';
    const sock = who === 'A' ? 's0' : 's1';
    if (pending[who] > 0 && pick.chance(0.4)) {
      script.push(`read(${sock})`);
      pending[who]--;
    } else {
      script.push(`@${who} m${i} = area(64)`, `@${who} send(${ch}, m${i}, "n${i}")`);
      pending[who]++;
    }
  }
  script.push('select([s0, s1])');
  const { shell, printed } = run(script);
  const blocked = shell.timeline.current.partitions[1 as never]!.wait?.call === 'select';
  const last = printed.at(-1)!;
  const names = (fds: string) => fds.replace('4', 's0').replace('5', 's1');
  return {
    kind: 'select', seed, script,
    question: 'What does the last select([s0, s1]) return? (s0 is the socket with A, s1 the one with B.)',
    answer: blocked ? 'nothing yet: it blocks until a message arrives' : names(last),
    why: blocked
      ? 'Every message sent so far has been read, so neither socket is ready and the program is suspended in select [0108].'
      : `A socket is ready when a message waits at it unread: A has ${pending.A}, B has ${pending.B} [0108].`,
    words: {
      question: words('exercise.select.question'),
      answer: blocked ? words('exercise.select.answer.blocked') : names(last),
      // [0108]: select suspends the program until one of its sockets has a message
      why: blocked ? words('exercise.select.why.blocked') : words('exercise.select.why.ready', { a: pending.A, b: pending.B }),
      ...(blocked ? { accept: words('exercise.select.accept.blocked') } : {}),
    },
  };
}

export function generateExercise(kind: ExerciseKind, seed: number): Exercise {
  return kind === 'owner' ? ownerExercise(seed) : selectExercise(seed);
}

// Every refusal of making, limiting and ending partitions
// (engine/partition/lifecycle.ts) and of resource requests
// (engine/policy/requests.ts, engine/policy/asks.ts), as a student meets it:
// the line typed, the sentence printed, and the words a reader of another
// language gets for it (a catalog id and its values, src/engine/words.ts). As
// in refusalWords.test.ts, for each one: the English catalog says exactly the
// engine's sentence (so the words carry every value the sentence does), the
// Japanese one leaves no English, and the machine is as it was before the
// line, except for a refusal the machine decided itself: the program's policy
// saying no [0049] stays in the trace.

import { describe, it } from 'vitest';
import { asPid } from '../engine/index.ts';
import { expectEngineRefusal, expectTypedRefusal, type EngineRefusal, type Refusal } from './refusalCases.ts';

const A = asPid(2);

/** policy(mem, ask): A is on the program's service 7 (fd fa); its request for 24 pages past its limit of 16 waits there. */
const ASKED = [
  's = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@A ch = connect(7)', 'fa = accept(s)',
  'policy(mem, ask)', '@A request(mem, 24)',
];
/** The same request, read by the program as ra. */
const READ = [...ASKED, 'ra = read(fa)'];

const LIFECYCLE_REFUSALS: readonly Refusal[] = [
  { setup: [], line: 'lpar_create("A", 8, 1)', says: '= -1 EADDRINUSE: there is already a partition named A', id: 'error.lifecycle.thereAlreadyPartition' },
  { setup: [], line: 'lpar_create("C", 0, 1)', says: '= -1 EINVAL: memory pages must be a whole number of at least 1, not 0', id: 'error.lifecycle.memoryPagesMust' },
  { setup: [], line: 'lpar_create("C", 8, 0)', says: '= -1 EINVAL: logical processors must be 1 to 8, not 0', id: 'error.lifecycle.logicalProcessorsMust' },
  { setup: [], line: 'lpar_create("C", 8, 9)', says: '= -1 EINVAL: logical processors must be 1 to 8, not 9', id: 'error.lifecycle.logicalProcessorsMust' },
  // 256 frames, 96 of them the boot's partitions': 160 are free
  { setup: [], line: 'lpar_create("C", 161, 1)', says: '= -1 ENOMEM: only 160 physical frames are free; C needs 161', id: 'error.lifecycle.onlyPhysicalFrames' },
  { setup: [], line: 'limit(A, mem, -1)', says: '= -1 EINVAL: a limit is a whole number of at least 0, not -1', id: 'error.lifecycle.limitWholeNumber' },
  { setup: ['@A area(12288)'], line: 'limit(A, mem, 2)', says: '= -1 EINVAL: A already uses 3 mem; a limit below that would be broken at once', id: 'error.lifecycle.alreadyUsesLimit' },
  { setup: ['lpar_create("C", 4, 1)', 'lpar_end(C)'], line: 'limit(C, mem, 2)', says: '= -1 EINVAL: C has ended', id: 'error.lifecycle.hasEnded' },
  { setup: ['lpar_create("C", 4, 1)', 'lpar_end(C)'], line: 'lpar_end(C)', says: '= -1 EINVAL: C has already ended', id: 'error.lifecycle.hasAlreadyEnded' },
];

const REQUEST_REFUSALS: readonly Refusal[] = [
  { setup: [], line: '@A request(mem, 0)', says: '= -1 EINVAL: ask for 1 to 1048576, not 0', id: 'error.requests.askNot' },
  { setup: [], line: '@A request(mem, 1048577)', says: '= -1 EINVAL: ask for 1 to 1048576, not 1048577', id: 'error.requests.askNot' },
  { setup: [], line: '@A request(mem, 161)', says: '= -1 ENOMEM: only 160 physical frames are free; 161 were asked for', id: 'error.requests.onlyPhysicalFrames' },
  { setup: ['limit(A, vaddr, 33)'], line: '@A request(mem, 2)', says: '= -1 ENOMEM: A has no virtual address space left to map 2 more pages [0051] b)', id: 'error.requests.hasNoVirtual' },
  {
    setup: ['policy(mem, 16)', '@A request(mem, 16)'], line: '@A request(mem, 1)',
    says: "= -1 ENOMEM: the system control program's policy denies it: A holds 16 mem and the policy ceiling is 16", id: 'error.requests.policyDenies', trace: ['[0080]', '[0049]'],
  },
  { setup: [], line: '@A release(mem, 0)', says: '= -1 EINVAL: release 1 to 1048576, not 0', id: 'error.requests.releaseNot' },
  { setup: [], line: '@A release(mem, 1048577)', says: '= -1 EINVAL: release 1 to 1048576, not 1048577', id: 'error.requests.releaseNot' },
  { setup: ['@A request(mem, 2)'], line: '@A release(mem, 3)', says: '= -1 EINVAL: A holds only 2 pages of memory beyond what it was given; it cannot release 3', id: 'error.requests.holdsOnlyCannot' },
  { setup: ['@A request(bus, 5)'], line: '@A release(bus, 6)', says: '= -1 EINVAL: A holds only 5 bus; it cannot release 6', id: 'error.requests.holdsOnlyCannot' },
];

const ASK_REFUSALS: readonly Refusal[] = [
  { setup: ['policy(mem, ask)'], line: '@A request(mem, 24)', says: '= -1 ENOTCONN: the system control program answers mem requests itself (policy(mem, ask)), and A asks it by message over a channel to one of its services [0080]: connect to a service first (connect(7))', id: 'error.asks.systemControlProgram' },
  { setup: ASKED, line: 'grant(1)', says: '= -1 EINVAL: request 1 is still waiting in fd 4: read(4) it first, to see who asks for what', id: 'error.asks.requestStillWaiting' },
  { setup: ASKED, line: 'grant(2)', says: '= -1 EINVAL: there is no request 2: requests reach the program by message (read(fd) shows them)', id: 'error.asks.thereNoRequest' },
  { setup: [...READ, 'refuse(ra, "no")'], line: 'grant(ra)', says: '= -1 EINVAL: request 1 has already been answered or withdrawn', id: 'error.asks.requestHasAlready' },
  {
    setup: [...READ, 'policy(mem, 20)'], line: 'grant(ra)',
    says: '= -1 EINVAL: granting would give A 24 mem, past the policy\'s ceiling of 20: raise it first (policy(mem, 24)) or refuse(r, "why")', id: 'error.asks.grantingWouldGive',
  },
  {
    setup: [...READ, 'lpar_create("C", 150, 1)'], line: 'grant(ra)',
    says: '= -1 ENOMEM: only 9 physical frames are free; A asked for 24: refuse it, or free memory first', id: 'error.asks.onlyPhysicalFrames',
  },
  { setup: [...READ, 'limit(A, vaddr, 40)'], line: 'grant(ra)', says: '= -1 ENOMEM: A has no virtual address space left to map 24 more pages [0051] b): refuse it', id: 'error.asks.hasNoVirtual' },
  { setup: READ, line: 'refuse(ra, " ")', says: '= -1 EINVAL: say why in 1 to 200 characters: refuse(r, "past the budget")', id: 'error.asks.sayWhyCharacters' },
  { setup: READ, line: `refuse(ra, "${'x'.repeat(201)}")`, says: '= -1 EINVAL: say why in 1 to 200 characters: refuse(r, "past the budget")', id: 'error.asks.sayWhyCharacters' },
  {
    setup: ['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@A ch = connect(7)', 'fa = accept(s)', 'policy(cache, ask)', 'limit(A, cache, 0)', 'lpar_create("C", 160, 1)'],
    line: '@A request(cache, 1)', says: '= -1 ENOMEM: no physical frame is free for the page that carries the request', id: 'error.asks.noPhysicalFrame',
  },
];

/** The one error a line printed, and the machine before and after it. */
describe.each([
  ['partition/lifecycle.ts', LIFECYCLE_REFUSALS], ['policy/requests.ts', REQUEST_REFUSALS], ['policy/asks.ts', ASK_REFUSALS],
] as const)('the refusals of %s, typed', (_file, refusals) => {
  it.each(refusals.map((r) => [r.line.slice(0, 60), r] as const))('%s: says why, in words of every language, and changes nothing', (_line, refusal) => {
    expectTypedRefusal(refusal);
  });
});

// What the shell never lets through (it names partitions and resources, and
// checks numbers, before the engine sees the command), given to the engine as
// another front end could: the engine refuses it itself, in the same words.
const ENGINE_REFUSALS: readonly EngineRefusal[] = [
  { setup: [], command: { kind: 'lpar.create', name: 'C', memPages: 1.5, processors: 1 }, says: 'EINVAL: memory pages must be a whole number of at least 1, not 1.5', id: 'error.lifecycle.memoryPagesMust' },
  { setup: [], command: { kind: 'lpar.create', name: 'C', memPages: 8, processors: 1.5 }, says: 'EINVAL: logical processors must be 1 to 8, not 1.5', id: 'error.lifecycle.logicalProcessorsMust' },
  { setup: [], command: { kind: 'lpar.limit', pid: asPid(9), resource: 'mem', amount: 2 }, says: 'ESRCH: there is no partition 9', id: 'error.lifecycle.thereNoPartition' },
  { setup: [], command: { kind: 'lpar.limit', pid: A, resource: 'mem', amount: 2.5 }, says: 'EINVAL: a limit is a whole number of at least 0, not 2.5', id: 'error.lifecycle.limitWholeNumber' },
  { setup: [], command: { kind: 'lpar.end', pid: asPid(9) }, says: 'ESRCH: there is no partition 9', id: 'error.lifecycle.thereNoPartition' },
  { setup: [], command: { kind: 'lpar.end', pid: asPid(1) }, says: 'EACCES: the system control OS cannot be ended: it runs the policy', id: 'error.lifecycle.systemControlOs' },
  { setup: [], command: { kind: 'resource.request', by: A, resource: 'events', amount: 1 }, says: 'EINVAL: request() covers mem, devices, cache, bus; events is granted another way', id: 'error.requests.requestCoversGranted' },
  { setup: [], command: { kind: 'resource.request', by: A, resource: 'mem', amount: 1.5 }, says: 'EINVAL: ask for 1 to 1048576, not 1.5', id: 'error.requests.askNot' },
  { setup: [], command: { kind: 'resource.release', by: A, resource: 'events', amount: 1 }, says: 'EINVAL: release() covers mem, devices, cache, bus; events is given back another way', id: 'error.requests.releaseCoversGiven' },
  { setup: [], command: { kind: 'resource.release', by: A, resource: 'mem', amount: 1.5 }, says: 'EINVAL: release 1 to 1048576, not 1.5', id: 'error.requests.releaseNot' },
];

describe('the refusals the shell never lets through, given to the engine', () => {
  it.each(ENGINE_REFUSALS.map((r) => [`${r.command.kind} ${r.says}`, r] as const))('%s: in words of every language, changing nothing', (_name, refusal) => {
    expectEngineRefusal(refusal);
  });
});

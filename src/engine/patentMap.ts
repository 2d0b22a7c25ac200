// One map from S05P1247 to the lab. Every tag an event can carry is a row
// here: a step of a figure (S107), a paragraph ([0063]), or one of the lab's
// own extensions (`lab:...`), which the patent does not describe and which the
// page shows as "lab" rather than as a paragraph. `LabEvent.tag` is typed by
// this table, so the engine cannot emit a tag that is not in it, and
// docs/patent-map.md is generated from it (scripts/patent-map.mjs).

import { assertNever } from './assertNever.js';

export interface MapRow {
  /** what events carry */
  readonly tag: string;
  /** where S05P1247 says it: the paragraphs (for a lab row, the nearest ones) */
  readonly ref: string;
  /** what the lab does under this tag */
  readonly lab: string;
  /** true for the lab's own extensions */
  readonly extension?: true;
}

export const PATENT_MAP = [
  // ---------------------------------------------------------------- the machine, partitions, resources
  { tag: '[0050]', ref: '[0050]', lab: 'the control OS boots in hypervisor mode and keeps its own frames' },
  { tag: '[0051]', ref: '[0051] c)', lab: 'memory pages are granted to a partition, mapped at its low logical pages' },
  { tag: '[0049]', ref: '[0049]', lab: 'the system control program starts a guest OS in its set order; sees a request past a limit before the control OS; grants it or denies it (by its ceiling, or by the person at the terminal: grant(r), refuse(r, "why")); sets its policy; the control OS then allocates what was granted' },
  { tag: '[0053]', ref: '[0053]', lab: 'a partition is created active, with no resources and no limits; it ends at the request of its own guest OS, and its logical processors stop' },
  { tag: '[0054]', ref: '[0054]', lab: 'a logical processor is placed on one unit, on several, or shares a unit with others' },
  { tag: '[0055]', ref: '[0055]', lab: 'a limit is set; within it a guest takes a resource, and releases it, without asking' },
  { tag: '[0080]', ref: '[0079], [0080]', lab: 'a guest past its limit asks the system control program by message; with policy(RESOURCE, ask) the request travels in a message area over its channel to the program, and the guest waits for the answer' },
  { tag: 'lab:provision', ref: '[0049], [0053]', lab: 'lpar_create grants the new, empty partition its memory and processors in a second step', extension: true },
  { tag: 'lab:sched', ref: '[0054]', lab: 'round-robin time slices on each unit: the patent leaves scheduling open', extension: true },
  { tag: 'lab:reduce', ref: '[0049]', lab: 'the policy grants part of a request, up to its ceiling: the patent names examining, changing the policy and denying', extension: true },
  { tag: 'lab:end', ref: '[0053]', lab: 'the system control program ends a partition (lpar_end(C)): the patent has a guest OS end its own', extension: true },
  { tag: 'lab:cost', ref: '[0070]', lab: 'a parameter of the cost model (simulated cycles) is changed', extension: true },
  // ---------------------------------------------------------------- control signals and events
  { tag: '[0056]', ref: '[0056] a)-c)', lab: 'a request between partitions (event port, shared memory) travels as a control signal; shared areas are mapped and unmapped' },
  { tag: '[0057]', ref: '[0057]', lab: 'a control signal is picked up from the control signal port; a signal reaching the empty port raises the event port chosen for it' },
  { tag: '[0062]', ref: '[0062]', lab: 'the server denies the request: no channel is made' },
  { tag: '[0063]', ref: '[0063]', lab: 'an event receive port is made; a send port is connected one-to-one, in another partition or the same one; a send sets the pending bit or merges into it; a poll reads and clears it' },
  { tag: '[0064]', ref: '[0064]', lab: 'an arrived area waits at the message port; the event port is raised when the port was empty; a recv waits for it' },
  { tag: '[0066]', ref: '[0066]', lab: 'a guest writes into a message area mapped in its own space' },
  { tag: 'lab:answer', ref: '[0056], [0074]', lab: 'a suspended event_connect or share returns with the answer; a request is refused when the kernel cannot serve it (a side at its port limit) or the asked partition ends first: the patent tells a channel\'s client by event (S104) but does not say how these askers learn', extension: true },
  { tag: 'lab:interrupt', ref: '[0057]', lab: 'a suspended call is cut short (Ctrl-C) and returns EINTR', extension: true },
  { tag: 'lab:free', ref: '[0078]', lab: 'a partition discards an area it reserved and never received (S109 is the receiver\'s discard)', extension: true },
  // ---------------------------------------------------------------- Fig. 6: guest to guest
  { tag: 'S101', ref: '[0073]', lab: 'the client asks the control OS for a message channel, and waits' },
  { tag: 'S102', ref: '[0073]', lab: 'the control OS queues the request at the server\'s control signal port' },
  { tag: 'S103', ref: '[0074]', lab: 'the server permits; the control OS makes the channel and a message port at each end' },
  { tag: 'S104', ref: '[0074]', lab: 'each side is told by event that the channel is set up; so the client\'s connect returns its channel ([0113] (b) for a service)' },
  { tag: 'S105', ref: '[0075]', lab: 'the client reserves a message area' },
  { tag: 'S106', ref: '[0075]', lab: 'the control OS maps the area into the client\'s logical space' },
  { tag: 'S107', ref: '[0070], [0076]', lab: 'the send: unmap from the sender, the frames change owner, map into the receiver' },
  { tag: '[0070]', ref: '[0066], [0070]', lab: 'a partition touches an address where nothing is mapped in its space (the sender after the flip): a page fault, EFAULT, and nothing changes' },
  { tag: 'S108', ref: '[0077]', lab: 'the receiver takes the message and reads it from the frames it now owns' },
  { tag: 'S109', ref: '[0078]', lab: 'the receiver discards a received area: its frames are free again' },
  { tag: 'S110', ref: '[0078]', lab: 'one side discards its message port (also when its partition ends)' },
  { tag: 'S111', ref: '[0078]', lab: 'the other side is told by event' },
  { tag: 'S112', ref: '[0078]', lab: 'the other side discards its port; the channel is gone' },
  // ---------------------------------------------------------------- Figs. 7-12: the system control program's sockets
  { tag: '[0084]', ref: '[0084]', lab: 'the message channel as a socket of a new domain (the lab names it AF_LPAR)' },
  { tag: 'lab:close', ref: '[0084]', lab: 'closing a connection socket, as a Unix close: requests still waiting are refused and their connect fails', extension: true },
  { tag: 'lab:eof', ref: '[0107], S111', lab: 'a read or recv returns 0 (end of file) because the other end was discarded', extension: true },
  { tag: 'S201', ref: '[0088]', lab: 'the kernel makes a connection socket and gives it an fd' },
  { tag: 'S202', ref: '[0089]', lab: 'the kernel ties a service id to the socket' },
  { tag: 'S203', ref: '[0090], [0111]', lab: 'the kernel permits, or stops permitting, connections to the service' },
  { tag: '[0111]', ref: '[0111]', lab: 'a service set to connection not permitted (listen(s, false)): a guest\'s connect is refused, and so are requests still waiting' },
  { tag: 'lab:permit', ref: '[0090], [0096]', lab: 'permit(s, B) and deny(s, B): the program permits or refuses one partition the socket\'s service (its waiting requests are refused); the patent permits or denies a service as a whole (listen)', extension: true },
  { tag: 'S204(a)', ref: '[0091] (a)', lab: 'the kernel produces the communication socket for an accepted request' },
  { tag: 'S204(b)', ref: '[0091] (b)', lab: 'the kernel registers the communication socket in the fd table' },
  { tag: 'S204(c)', ref: '[0091] (c)', lab: 'accept returns the fd' },
  { tag: 'S204(d)', ref: '[0091] (d)', lab: 'accept finds no request and the program is suspended' },
  { tag: 'S204(e)', ref: '[0091] (e)', lab: 'a request arrives and the program is released from accept' },
  { tag: 'S301', ref: '[0110]', lab: 'the program\'s socket() call' },
  { tag: 'S302', ref: '[0110]', lab: 'the program\'s bind() call' },
  { tag: 'S303', ref: '[0111]', lab: 'the program\'s listen() call: listen(s) or listen(s, true) permits, listen(s, false) does not' },
  { tag: 'S304', ref: '[0112]', lab: 'the program\'s accept() call' },
  { tag: 'S305(a)', ref: '[0113] (a)', lab: 'a guest asks for a channel to a service, and waits' },
  { tag: 'S305(b)', ref: '[0113] (b)', lab: 'the control OS hands the request to the program\'s kernel' },
  { tag: 'S306', ref: '[0114], [0092]', lab: 'the kernel connects the channel for the socket: the control OS makes the channel and a message port at each end' },
  { tag: 'S307', ref: '[0115]', lab: 'the guest sends an area to the program: it is unmapped from the guest' },
  { tag: 'S308(a)', ref: '[0116]', lab: 'virtual-file mode: the kernel receives the area' },
  { tag: 'S308(b)', ref: '[0117]', lab: 'direct-map mode: the kernel receives the area and maps it into the program' },
  { tag: 'S309(a)', ref: '[0118]', lab: 'read on the socket gets the virtual file\'s name' },
  { tag: 'S309(b)', ref: '[0102], [0121]', lab: 'direct-map mode: the program reads the mapped message at its address' },
  { tag: 'S310(a)', ref: '[0119], [0120]', lab: 'the program\'s open, read, write and close calls on the virtual file' },
  { tag: 'S310(b)', ref: '[0102], [0121]', lab: 'direct-map mode: the program writes the mapped message at its address' },
  { tag: 'S311(a)', ref: '[0122]', lab: 'write(fd, vfile): the area goes to the guest and is mapped there' },
  { tag: 'S311(b)', ref: '[0105], [0122]', lab: 'write(fd, addr): the program\'s mapping is released and the area goes to the guest' },
  { tag: '[0092]', ref: '[0092], [0120]', lab: 'msg_new on a virtual-file socket: a fresh message area becomes a virtual file the program may write, before it is sent' },
  { tag: '[0093]', ref: '[0093]', lab: 'msg_new on a direct-map socket: a fresh message area is mapped into the program, before it is sent' },
  { tag: 'S-A', ref: '[0098]', lab: 'message reception: read on a communication socket' },
  { tag: 'S-A(a)', ref: '[0098] (a)', lab: 'the kernel makes a virtual file for the arrived area' },
  { tag: 'S-A(b)', ref: '[0098] (b), [0100]', lab: 'read returns the file name (or address and size) and the short message' },
  { tag: 'S-A(c)', ref: '[0098] (c)', lab: 'no message yet: the program is suspended in read' },
  { tag: 'S-A(d)', ref: '[0098] (d)', lab: 'a message arrived: the program is released from read' },
  { tag: 'S-B', ref: '[0101], [0102]', lab: 'the kernel opens, reads, writes or closes the virtual file; in direct-map mode the program accesses the area itself' },
  { tag: 'S-C', ref: '[0103]-[0105]', lab: 'sending back: the virtual file is deleted, or the program\'s mapping released' },
  { tag: 'S-D', ref: '[0106]', lab: 'unlink: a received message is discarded' },
  { tag: 'S-E', ref: '[0107]', lab: 'close on a communication socket: the message port is deleted and the channel disconnected' },
  { tag: '[0108]', ref: '[0108]', lab: 'select watches communication sockets and returns those with a received message' },
  { tag: 'lab:ready', ref: '[0108]', lab: 'select also counts as ready, like POSIX, a socket at end of file, a listening socket with a request waiting and an open virtual file: [0108] watches communication sockets for received messages only', extension: true },
] as const satisfies readonly MapRow[];

/** A tag an event may carry: exactly the tags of the map. */
export type PatentTag = (typeof PATENT_MAP)[number]['tag'];

const BY_TAG: ReadonlyMap<string, MapRow> = new Map(PATENT_MAP.map((row) => [row.tag, row]));

export function mapRow(tag: string): MapRow | undefined {
  return BY_TAG.get(tag);
}

export function isLabTag(tag: string): boolean {
  return mapRow(tag)?.extension === true;
}

/** How the page labels a tag: "lab" for the lab's own extensions, else the step or paragraph itself. */
export function tagLabel(tag: string): string {
  return isLabTag(tag) ? 'lab' : tag;
}

/** A patent step of a figure's flowchart or sequence chart (S107, S-C, S308(a)), as opposed to a paragraph. */
export function isStep(tag: string): boolean {
  // Stryker disable next-line Regex: equivalent over the map's tags, the only tags events carry: none has an S and a digit or '-' past its start
  return /^S(\d|-)/.test(tag);
}

/**
 * How a reader wants the tags shown: the patent's steps and paragraphs (and
 * "lab" for the lab's own extensions), the figures' step numbers only
 * (S107, S-C: the arrows of Figs. 6, 8 and 11), or none. For an OS class the
 * paragraph numbers are noise; for a talk on S05P1247 they are the point.
 */
export const TAG_STYLES = ['patent', 'steps', 'none'] as const;
export type TagStyle = (typeof TAG_STYLES)[number];

export function isTagStyle(v: unknown): v is TagStyle {
  return typeof v === 'string' && (TAG_STYLES as readonly string[]).includes(v);
}

/** What a view prints for a tag under a reader's choice: '' when the choice hides it. */
export function tagShown(tag: string, style: TagStyle = 'patent'): string {
  switch (style) {
    case 'patent':
      return tagLabel(tag);
    case 'steps':
      return isStep(tag) ? tag : '';
    case 'none':
      return '';
    default:
      return assertNever(style);
  }
}

/** The map as a Markdown page a teacher can read (docs/patent-map.md). */
export function patentMapMarkdown(): string {
  // Stryker disable next-line StringLiteral: equivalent while no row holds a '|' (the page is compared with the table); the escape keeps a later row's '|' from splitting its cells
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    '# From S05P1247 to the lab',
    '',
    'Generated from `src/engine/patentMap.ts` by `npm run patent-map`; a test fails when this page and the table differ.',
    'Every event of the trace carries one of these tags. A tag shown as **lab** is the lab\'s own extension:',
    'the patent does not describe it, and the page shows "lab" instead of a paragraph.',
    '',
    '| tag | S05P1247 | what the lab does |',
    '| --- | --- | --- |',
    ...PATENT_MAP.map((row: MapRow) => `| ${row.extension ? `lab (\`${row.tag}\`)` : `\`${row.tag}\``} | ${cell(row.ref)} | ${cell(row.lab)} |`),
    '',
  ];
  return lines.join('\n');
}

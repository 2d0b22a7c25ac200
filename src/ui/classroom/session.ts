// A page in a classroom: the connection to the relay, and the bridge between
// the room's shared lab and this page's lab. It talks to the lab only through
// the store's public actions (submit a line, seek, replace the shell, notify
// the terminal) and reads the shell's lines.
//
// The lecturer's page (its link carries the room key) publishes: each line
// typed, a new machine, the lesson step and the playhead. A student's page
// follows: it types the lecturer's new lines into its own lab, animated as
// usual, moves its playhead with the lecturer's, and a latecomer (or a page
// that was away for long) rebuilds the lecturer's lab at once. A student who
// types, or presses "Try it yourself", goes on alone on a private branch;
// "Follow again" rebuilds the lecturer's moment. With the relay gone, every
// page keeps working alone, and catches up when it is back.

import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { ShellState, Words } from '../../engine/index.ts';
import { createShell, entryEnd, findLesson, promptOf, runLine } from '../../engine/index.ts';
import { formatOutputNow, useLanguage } from '../app/language.ts';
import { wordsIn } from '../../i18n/wordsIn.ts';
import { useLab } from '../store/labStore.ts';
import type { LabStore } from '../store/labStore.ts';
import { useLessons } from '../lessons/lessonStore.ts';
import { heardAll, planFollow, planPublish } from './plan.ts';
import type { Published, ShellFacts } from './plan.ts';
import type { Presence, RoomLab, RoomMeta } from './room.ts';
import { appendLines, questionKey, readMeta, readPresence, readRoom, replaceLines, roomLines, roomMeta, tallyAnswers, writeMeta } from './room.ts';
import { coalesce } from './coalesce.ts';
import type { ClassroomLink } from './classroomLink.ts';
import { attachSession, storedName, useClassroom } from './classroomStore.ts';
import type { ConnectionStatus } from './classroomStore.ts';

/** Failed attempts in a row after which the relay counts as unreachable (the provider keeps trying). */
const UNREACHABLE_AFTER = 3;

/** Presence records read at most (a flood of fake students is cut here; the relay limits them too). */
export const MAX_PRESENCES = 1000;
/** Presence changes arriving within this many milliseconds are read, counted and drawn once. */
export const PRESENCE_EVERY_MS = 250;

/** The page's one session with a relay, while it is in a classroom. */
let current: Session | null = null;

const machineOf = (meta: RoomMeta) => `${meta.seed}/${meta.frames}/${meta.groups}/${meta.units}`;

/** The events shown when the machine rests at timeline moment `cursor`. */
function positionAtCursor(shell: ShellState, cursor: number): number {
  return entryEnd(shell.timeline, cursor - 1);
}

class Session {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private published: Published | null = null;
  private applied: { lines: readonly string[]; machine: string; cursor: number } | null = null;
  /** the history this page's lab had when it last followed: a different one means the student typed */
  private expectedHistory: ShellState['history'] | null = null;
  private applying = false;
  private peopleKey = '';
  private everConnected = false;
  private readonly stops: (() => void)[] = [];

  constructor(readonly link: ClassroomLink) {
    const lecturer = link.key !== null;
    this.provider = new WebsocketProvider(link.relay, link.room, this.doc, {
      params: link.key ? { key: link.key } : {},
      // a student's tab must not reach the lecturer's through the browser, around the relay
      disableBc: true,
      maxBackoffTime: 2500,
    });
    this.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') this.everConnected = true;
      this.updateStatus();
    });
    this.provider.on('connection-close', () => this.updateStatus());
    this.provider.on('connection-error', () => this.updateStatus());
    this.provider.on('sync', (synced: boolean) => {
      if (synced) this.onSynced();
    });
    // a flood of presence changes is read once per PRESENCE_EVERY_MS, not once per change
    const people = coalesce(() => this.readPeople(), PRESENCE_EVERY_MS);
    this.provider.awareness.on('change', people.request);
    this.stops.push(() => {
      this.provider.awareness.off('change', people.request);
      people.cancel();
    });
    // the room's shapes are this page's from the start: a document of another shape is read as invalid, not thrown on
    roomLines(this.doc);
    roomMeta(this.doc);
    const update = (_update: Uint8Array, origin: unknown) => (lecturer ? this.lecturerSaw(origin === this.provider) : this.followNow(false));
    this.doc.on('update', update);
    this.stops.push(() => this.doc.off('update', update));
    if (lecturer) {
      this.stops.push(useLab.subscribe((now, before) => this.publish(now, before)));
      this.stops.push(useLessons.subscribe(() => this.publishMeta()));
    } else {
      this.stops.push(useLab.subscribe((now) => this.noticeOwnTyping(now)));
    }
    this.announce();
  }

  private updateStatus(): void {
    const p = this.provider;
    const status: ConnectionStatus = p.wsconnected
      ? 'connected'
      : p.wsUnsuccessfulReconnects >= UNREACHABLE_AFTER
        ? 'unreachable'
        : this.everConnected
          ? 'reconnecting'
          : 'connecting';
    if (useClassroom.getState().status !== status) useClassroom.setState({ status });
  }

  announce(): void {
    const c = useClassroom.getState();
    const opened = useLessons.getState().opened;
    this.provider.awareness.setLocalState({
      role: c.role,
      name: c.role === 'lecturer' ? 'lecturer' : c.name,
      following: c.role === 'student' && c.following,
      step: opened?.kind === 'lesson' ? opened.step : null,
      answer: c.answer,
    });
  }

  /**
   * Everyone in the room as this page sees them: one presence per awareness
   * client (a page keeps its client id across reconnections, so a student
   * counts once), only records of the shape a page sends, at most
   * MAX_PRESENCES of them. Nothing is drawn again when nothing changed.
   */
  private readPeople(): void {
    const people: Presence[] = [];
    for (const state of this.provider.awareness.getStates().values()) {
      const p = readPresence(state);
      if (p) people.push(p);
      if (people.length >= MAX_PRESENCES) break;
    }
    const key = JSON.stringify(people);
    if (key === this.peopleKey) return;
    this.peopleKey = key;
    useClassroom.setState({ people });
    this.publishTally();
  }

  /** The lecturer's page counts the answers (only it sees everyone's presence); revealed, the room sees the count. */
  private publishTally(): void {
    if (!this.published) return;
    const meta = readMeta(this.doc);
    const tally = meta?.reveal && meta.lesson && meta.step !== null ? tallyAnswers(useClassroom.getState().people, questionKey(meta.lesson, meta.step)) : [];
    writeMeta(this.doc, { tally });
  }

  private onSynced(): void {
    this.updateStatus();
    if (this.link.key === null) {
      this.followNow(false);
      return;
    }
    if (this.published) return; // a reconnection: the provider has already sent what the relay missed
    const lab = useLab.getState();
    const untouched = lab.shell.history.length === 0 && lab.generation === 0 && useLessons.getState().opened === null;
    const read = readRoom(this.doc);
    let taken = false;
    if (untouched && read.kind === 'lab') {
      // the lecturer's page was reloaded: take the room's lab back, and go on from it
      taken = this.tryRebuild(read.lab);
    }
    this.published = heardAll(this.factsOf(useLab.getState()));
    if (!taken) this.overwrite(read.kind === 'invalid' ? read.words : null);
    else useClassroom.setState({ meta: read.kind === 'lab' ? read.lab.meta : null, notice: read.kind === 'lab' && read.lab.note ? { kind: 'note', text: useLanguage.getState().t(read.lab.note.key, read.lab.note.values) } : null });
  }

  /**
   * The lecturer's page saw the room change. A change from the relay that
   * leaves a lab no page can use (someone else with the key, a tool gone
   * wrong) is answered with this page's own lab, so the room is whole again;
   * a change this page made itself is never answered (its own lab may be
   * past a limit: it is said, not fought over).
   */
  private lecturerSaw(remote: boolean): void {
    const read = readRoom(this.doc);
    if (read.kind !== 'invalid') {
      useClassroom.setState({ meta: read.kind === 'lab' ? read.lab.meta : null });
      return;
    }
    if (!this.published || !remote) {
      useClassroom.setState({ notice: { kind: 'invalid', text: useLanguage.getState().t('classroom.notice.invalid', { why: wordsIn(useLanguage.getState().t, read.words) }) } });
      return;
    }
    // after the update handlers of this change have run
    queueMicrotask(() => {
      const again = readRoom(this.doc);
      if (again.kind === 'invalid') this.overwrite(again.words);
    });
  }

  /** Put this page's whole lab in the room; `invalid` says why what was there could not stay. */
  private overwrite(invalid: Words | null): void {
    const lab = useLab.getState();
    try {
      replaceLines(this.doc, lab.shell.history.toArray(), invalid === null ? this.metaOf(lab) : { ...this.metaOf(lab), reveal: false, tally: [] });
    } catch (error) {
      useClassroom.setState({ notice: { kind: 'invalid', text: useLanguage.getState().t('classroom.notice.notReplaced', { why: (error as Error).message }) } });
      return;
    }
    this.published = heardAll(this.factsOf(lab));
    const read = readRoom(this.doc);
    useClassroom.setState({
      meta: read.kind === 'lab' ? read.lab.meta : null,
      notice: invalid !== null
        ? { kind: 'invalid', text: useLanguage.getState().t('classroom.notice.replaced', { why: wordsIn(useLanguage.getState().t, invalid) }) }
        : read.kind === 'invalid' ? { kind: 'invalid', text: useLanguage.getState().t('classroom.notice.cannotShare', { why: wordsIn(useLanguage.getState().t, read.words) }) } : null,
    });
  }

  private factsOf(lab: LabStore): ShellFacts {
    const { config, cursor } = lab.shell.timeline;
    return { history: lab.shell.history, cursor, generation: lab.generation, seed: config.seed, frames: config.frames };
  }

  private metaOf(lab: LabStore): Partial<RoomMeta> {
    const opened = useLessons.getState().opened;
    const { seed, frames, groups, unitsPerGroup } = lab.shell.timeline.config;
    return {
      seed,
      frames,
      groups,
      units: unitsPerGroup,
      lesson: opened?.kind === 'lesson' ? opened.id : null,
      step: opened?.kind === 'lesson' ? opened.step : null,
      position: lab.position,
      playing: lab.playing,
    };
  }

  private publish(now: LabStore, before: LabStore): void {
    if (!this.published || this.applying) return;
    const plan = planPublish(this.published, this.factsOf(now), before.shell.timeline.cursor);
    this.doc.transact(() => {
      if (plan.kind === 'replace') replaceLines(this.doc, plan.lines, this.metaOf(now));
      else if (plan.kind === 'append') appendLines(this.doc, plan.lines);
      writeMeta(this.doc, this.metaOf(now));
    });
    if (plan.kind !== 'none') this.published = heardAll(this.factsOf(now));
  }

  private publishMeta(): void {
    if (!this.published) return;
    const before = readMeta(this.doc);
    const meta = this.metaOf(useLab.getState());
    // a new question: its tally starts hidden
    writeMeta(this.doc, before && (before.lesson !== meta.lesson || before.step !== meta.step) ? { ...meta, reveal: false, tally: [] } : meta);
    this.announce();
  }

  reveal(reveal: boolean): void {
    writeMeta(this.doc, { reveal });
    this.publishTally();
  }

  /**
   * A student's page: bring its lab to the lecturer's (or just note the
   * room's state, when on its own). A room whose lab cannot be used leaves
   * this page's lab as it is, and says why; it follows again once the room
   * holds a usable lab.
   */
  followNow(force: boolean): void {
    const read = readRoom(this.doc);
    if (read.kind === 'invalid') {
      useClassroom.setState({ notice: { kind: 'invalid', text: useLanguage.getState().t('classroom.notice.invalidKept', { why: wordsIn(useLanguage.getState().t, read.words) }) } });
      return;
    }
    const room = read.kind === 'lab' ? read.lab : null;
    useClassroom.setState({ meta: room?.meta ?? null, notice: room?.note ? { kind: 'note', text: useLanguage.getState().t(room.note.key, room.note.values) } : null });
    if (!room || this.link.key !== null || !useClassroom.getState().following) return;
    const { meta, lines } = room;
    const plan = force ? { kind: 'rebuild' as const } : planFollow(this.applied, { lines, machine: machineOf(meta) });
    this.applying = true;
    try {
      if (plan.kind === 'rebuild') this.rebuild(room);
      else if (plan.kind === 'type') this.typeLines(plan.lines, meta);
      this.followLesson(meta);
      this.followPlayhead(meta);
    } catch (error) {
      // a broken invariant, not the room's input (that was checked): the page goes on with what it has
      useClassroom.setState({ notice: { kind: 'invalid', text: useLanguage.getState().t('classroom.notice.notFollowed', { why: (error as Error).message }) } });
    } finally {
      this.applying = false;
    }
    this.expectedHistory = useLab.getState().shell.history;
  }

  /** rebuild, for the lecturer's reloaded page: whether it took the room's lab */
  private tryRebuild(room: RoomLab): boolean {
    this.applying = true;
    try {
      this.rebuild(room);
      return true;
    } catch {
      return false;
    } finally {
      this.applying = false;
    }
  }

  /** The room's whole script on a fresh machine, at once, at the lecturer's moment. */
  private rebuild({ meta, lines }: RoomLab): void {
    let shell = createShell({ seed: meta.seed, frames: meta.frames, groups: meta.groups, unitsPerGroup: meta.units });
    for (const line of lines) shell = runLine(shell, line).shell;
    const lab = useLab.getState();
    lab.replaceShell(shell, [useLanguage.getState().t('classroom.note.replayed', { seed: String(meta.seed), lines: String(lines.length), count: lines.length }), ...lines.slice(-20).map((l) => `  ${l}`)]);
    this.applied = { lines, machine: machineOf(meta), cursor: shell.timeline.cursor };
    this.followLesson(meta);
    lab.setPlaying(meta.playing);
    lab.seek(meta.position);
  }

  /** New lines of the lecturer, typed into this lab from the moment the earlier ones left it. */
  private typeLines(lines: readonly string[], meta: RoomMeta): void {
    const lab = useLab.getState();
    const applied = this.applied!;
    if (lab.shell.timeline.cursor !== applied.cursor) lab.seek(positionAtCursor(lab.shell, applied.cursor));
    const printed: string[] = [];
    for (const line of lines) {
      const prompt = promptOf(useLab.getState().shell);
      const { out } = useLab.getState().submit(line);
      // printed as the terminal prints a line typed here, in the reader's language
      printed.push(`${prompt}${line}`, ...out.flatMap(formatOutputNow));
    }
    const shell = useLab.getState().shell;
    this.applied = { lines: [...applied.lines, ...lines], machine: machineOf(meta), cursor: shell.timeline.cursor };
    useLab.getState().notify(printed);
  }

  private followLesson(meta: RoomMeta): void {
    const opened = useLessons.getState().opened;
    const shell = useLab.getState().shell;
    if (meta.lesson && findLesson(meta.lesson)) {
      if (opened?.kind !== 'lesson' || opened.id !== meta.lesson || opened.step !== meta.step) {
        useLessons.setState({ opened: { kind: 'lesson', id: meta.lesson, step: meta.step ?? 0, startLine: shell.lineNo, since: shell.timeline.current.seq }, hintsShown: 0, met: null });
        this.announce();
      }
    } else if (opened?.kind === 'lesson') {
      useLessons.setState({ opened: null });
      this.announce();
    }
  }

  private followPlayhead(meta: RoomMeta): void {
    const lab = useLab.getState();
    if (lab.playing !== meta.playing) lab.setPlaying(meta.playing);
    // paused, the lecturer's moment exactly; playing, the player catches up by itself
    // unless the lecturer went back
    if (meta.playing ? lab.position > meta.position : lab.position !== meta.position) useLab.getState().seek(meta.position);
  }

  private noticeOwnTyping(now: LabStore): void {
    if (this.applying || this.expectedHistory === null || !useClassroom.getState().following) return;
    if (now.shell.history === this.expectedHistory) return;
    this.expectedHistory = null;
    useClassroom.getState().detach();
    useLab.getState().notify([useLanguage.getState().t('classroom.notice.ownTyping')]);
  }

  destroy(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.provider.destroy();
    this.doc.destroy();
  }
}

/** Join the classroom of `link`; returns how to leave it. */
export function joinClassroom(link: ClassroomLink): () => void {
  current?.destroy();
  useClassroom.setState({
    link,
    role: link.key !== null ? 'lecturer' : 'student',
    status: 'connecting',
    following: link.key === null,
    name: link.key !== null ? 'lecturer' : storedName(),
    meta: null,
    notice: null,
    people: [],
    answer: null,
  });
  const joined = new Session(link);
  current = joined;
  attachSession(joined);
  return () => {
    joined.destroy();
    if (current !== joined) return;
    current = null;
    attachSession(null);
  };
}

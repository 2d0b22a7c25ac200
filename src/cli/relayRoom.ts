// The classroom relay's files: the room's name and key (`room.json`) and its
// document (`ROOM.yjs`, with the save before it as `.prev`), so a relay that
// is stopped and started again serves the same links and the same lab. A file
// the relay cannot read is never written over: it is moved aside, and the
// relay says so; a state folder deleted while the relay runs is made again.

import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of a Yjs document and of Yjs the relay uses (y-websocket loads Yjs as CommonJS, without types here). */
export interface YDocLike {
  on(event: 'update', listener: (update: Uint8Array) => void): void;
  conns: Map<unknown, unknown>;
}
export interface YjsLike {
  Doc: new () => YDocLike & { destroy(): void };
  encodeStateAsUpdate(doc: YDocLike): Uint8Array;
  applyUpdate(doc: YDocLike, update: Uint8Array): void;
}

const ROOM_NAME = /^[a-z0-9-]{1,40}$/;

interface RoomFile {
  readonly room: string;
  readonly key: string;
}

/** A file the relay will not overwrite: moved aside under a name that says so, and that name returned. */
function setAside(path: string): string {
  const aside = `${path}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, aside);
  return aside;
}

export function loadRoom(stateDir: string, fresh: boolean, log: (line: string) => void): RoomFile {
  const path = join(stateDir, 'room.json');
  let text: string | null = null;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (text !== null) {
    let saved: Partial<RoomFile> | null = null;
    try {
      saved = JSON.parse(text) as Partial<RoomFile>;
    } catch {
      // judged below
    }
    if (saved && typeof saved.room === 'string' && ROOM_NAME.test(saved.room) && typeof saved.key === 'string' && saved.key.length >= 16) {
      if (!fresh) return { room: saved.room, key: saved.key };
    } else if (!fresh) {
      // a new room would have a new key: the links the students have would stop working. Say so; keep the file.
      throw new Error(`${path} is not a room the relay can read (truncated or edited?): it was left as it is. Repair it, move it away, or start a new room with --fresh`);
    } else {
      log(`${path} could not be read: kept as ${setAside(path)}; a new room starts (--fresh)`);
    }
  }
  const room = `lab-${randomBytes(4).toString('hex')}`;
  const key = randomBytes(18).toString('base64url');
  writeAtomically(path, JSON.stringify({ room, key }));
  return { room, key };
}

/** Write to a temporary file, flush it to the disk, then rename it over `path`: a crash leaves the old file or the new one, whole. */
function writeAtomically(path: string, data: string | Uint8Array): void {
  const fd = openSync(`${path}.tmp`, 'w');
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(`${path}.tmp`, path);
}

/** The saved document, checked by decoding it into a scratch document; throws when it cannot be read. */
function readDocFile(path: string, Y: YjsLike): Uint8Array | null {
  if (!existsSync(path)) return null;
  const bytes = new Uint8Array(readFileSync(path));
  if (bytes.length === 0) throw new Error('the file is empty');
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, bytes);
  } finally {
    scratch.destroy();
  }
  return bytes;
}

/**
 * The room's document as last saved: the file, or, when it cannot be read,
 * the copy from the save before (`.prev`). An unreadable file is never
 * written over: it is moved aside, and the relay says so.
 */
function loadDoc(docFile: string, Y: YjsLike, log: (line: string) => void): Uint8Array | null {
  const prevFile = `${docFile}.prev`;
  let problem: string | null = null;
  try {
    const bytes = readDocFile(docFile, Y);
    if (bytes) return bytes;
  } catch (error) {
    problem = `${docFile} could not be read (${(error as Error).message}): kept as ${setAside(docFile)}`;
  }
  let prev: Uint8Array | null = null;
  try {
    prev = readDocFile(prevFile, Y);
  } catch (error) {
    problem = `${problem ?? `${docFile} is missing`}; the copy before it (${prevFile}) could not be read either (${(error as Error).message})`;
  }
  if (problem !== null) {
    log(
      prev
        ? `${problem}; the relay goes on from the copy saved before it (${prevFile})`
        : `${problem}; the relay starts with an empty lab: the lecturer's page sends its lines again when it connects`,
    );
  }
  return prev;
}

/** Changes within this long are written once. */
const SAVE_AFTER_MS = 50;

export interface RoomStore {
  /** y-websocket made the room's document: fill it with the saved lab and save its changes */
  bind(doc: YDocLike): void;
  /** write the document now (nothing happens when it did not change) */
  save(): void;
  /** write a change still waiting for its timer */
  flush(): void;
}

/**
 * The room's document on disk. It keeps the last state in memory too:
 * y-websocket drops its copy when the last connection leaves, and this one
 * brings it back even if the disk refused the write.
 */
export function roomStore(o: { stateDir: string; room: string; key: string; Y: YjsLike; fresh: boolean; log: (line: string) => void }): RoomStore {
  const { stateDir, room, key, Y, log } = o;
  const roomFile = join(stateDir, 'room.json');
  const docFile = join(stateDir, `${room}.yjs`);
  let kept = o.fresh ? null : loadDoc(docFile, Y, log);
  let saveTimer: NodeJS.Timeout | null = null;
  let roomDoc: YDocLike | null = null;
  let saveFailing = false;
  /** what the file holds: a save of the same bytes is skipped */
  let written: Buffer | null = null;
  const save = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    if (!roomDoc) return;
    const state = Y.encodeStateAsUpdate(roomDoc);
    // nothing new (the last page left, or the relay stops): the file and its `.prev` stay as they are
    if (written !== null && Buffer.from(state).equals(written) && existsSync(docFile)) return;
    kept = state;
    try {
      if (!existsSync(stateDir)) {
        mkdirSync(stateDir, { recursive: true });
        log(`the state folder ${stateDir} was gone: made again, with the room and its lab`);
      }
      if (!existsSync(roomFile)) writeAtomically(roomFile, JSON.stringify({ room, key }));
      // the save before this one stays as `.prev`, the copy to go back to if this one is damaged
      if (existsSync(docFile)) renameSync(docFile, `${docFile}.prev`);
      writeAtomically(docFile, state);
      written = Buffer.from(state);
      if (saveFailing) log(`the room is saved again in ${stateDir}`);
      saveFailing = false;
    } catch (error) {
      // the lab goes on from memory; the next change tries again
      if (!saveFailing) log(`cannot save the room in ${stateDir} (${(error as Error).message}): the lab is kept in memory, and saved at the next change that can be`);
      saveFailing = true;
    }
  };
  return {
    bind(doc) {
      roomDoc = doc;
      if (kept) Y.applyUpdate(doc, kept);
      // coalesce a burst of changes into one write
      doc.on('update', () => {
        saveTimer ??= setTimeout(save, SAVE_AFTER_MS);
      });
    },
    save,
    flush() {
      if (saveTimer) save();
    },
  };
}

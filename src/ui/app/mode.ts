// How the page was opened: normally, as a presenter (?present: large type,
// chrome hidden, a clicker steps), or embedded (?embed: minimal chrome for an
// iframe). ?lesson=<id>&step=<n> starts at a lesson step in any mode;
// ?frames=<n> sizes physical memory.

export type PageMode = 'normal' | 'present' | 'embed';

export interface Opening {
  readonly mode: PageMode;
  readonly lesson: string | null;
  readonly step: number;
  /** ?frames=N: physical frames of the machine (128 to 1,048,576), for big-memory demonstrations */
  readonly frames: number | null;
}

export function readOpening(search: string): Opening {
  const params = new URLSearchParams(search);
  const mode: PageMode = params.has('present') ? 'present' : params.has('embed') ? 'embed' : 'normal';
  const lesson = params.get('lesson');
  const step = Number(params.get('step') ?? '1');
  const frames = Number(params.get('frames'));
  return {
    frames: params.has('frames') && Number.isInteger(frames) && frames >= 128 && frames <= 1 << 20 ? frames : null,
    mode,
    lesson: lesson !== null && /^[a-z0-9-]{1,32}$/.test(lesson) ? lesson : null,
    step: Number.isInteger(step) && step >= 1 && step <= 100 ? step - 1 : 0,
  };
}

export const OPENING: Opening = readOpening(typeof location === 'undefined' ? '' : location.search);

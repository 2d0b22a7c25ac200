// How the page was opened: normally, as a presenter (?present: large type,
// chrome hidden, a clicker steps), or embedded (?embed: minimal chrome for an
// iframe). ?lesson=<id>&step=<n> starts at a lesson step in any mode.

export type PageMode = 'normal' | 'present' | 'embed';

export interface Opening {
  readonly mode: PageMode;
  readonly lesson: string | null;
  readonly step: number;
}

export function readOpening(search: string): Opening {
  const params = new URLSearchParams(search);
  const mode: PageMode = params.has('present') ? 'present' : params.has('embed') ? 'embed' : 'normal';
  const lesson = params.get('lesson');
  const step = Number(params.get('step') ?? '1');
  return {
    mode,
    lesson: lesson !== null && /^[a-z0-9-]{1,32}$/.test(lesson) ? lesson : null,
    step: Number.isInteger(step) && step >= 1 && step <= 100 ? step - 1 : 0,
  };
}

export const OPENING: Opening = readOpening(typeof location === 'undefined' ? '' : location.search);

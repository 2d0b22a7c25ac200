// Work asked for many times in a burst, done once: the lecturer's page gets
// a presence change from every student, and under a flood (a script
// announcing fake students many times a second) reading, counting and
// drawing each change would take the page away from the lecturer.

export interface Coalesced {
  /** do the work within `wait` ms; asking again before then changes nothing */
  readonly request: () => void;
  readonly cancel: () => void;
}

export function coalesce(work: () => void, wait: number): Coalesced {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    request: () => {
      timer ??= setTimeout(() => {
        timer = null;
        work();
      }, wait);
    },
    cancel: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from './coalesce.ts';

describe('presence changes in a burst are read once', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('does the work once for a thousand requests within the wait, and again for a later one', () => {
    const work = vi.fn();
    const c = coalesce(work, 250);
    for (let i = 0; i < 1000; i++) c.request();
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(250);
    expect(work).toHaveBeenCalledTimes(1);
    // a flood spread over 2.5 s: at most one read per 250 ms
    for (let t = 0; t < 2500; t += 10) {
      c.request();
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(250);
    expect(work.mock.calls.length).toBeLessThanOrEqual(1 + 11);
    expect(work.mock.calls.length).toBeGreaterThanOrEqual(1 + 9);
  });

  it('does nothing once cancelled (the page left the room)', () => {
    const work = vi.fn();
    const c = coalesce(work, 250);
    c.request();
    c.cancel();
    vi.advanceTimersByTime(1000);
    expect(work).not.toHaveBeenCalled();
  });
});

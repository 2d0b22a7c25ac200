// The Homework button loads the homework's code first: when that load fails
// (offline before a first visit cached it), the reader is told so in the
// banner instead of the button doing nothing.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useLab } from '../store/labStore.ts';
import { useLanguage } from '../app/language.ts';
import { showHomework, useHomeworkShown } from './homeworkShown.ts';

// the chunk of the homework store cannot be fetched
vi.mock('./homeworkStore.ts', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

describe('showHomework when the homework chunk does not load', () => {
  beforeEach(() => {
    useLab.getState().setBanner(null);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  it('says so in the banner, in words, and shows no panel', async () => {
    await expect(showHomework('assignment')).resolves.toBeUndefined();
    const banner = useLab.getState().banner;
    expect(banner?.kind).toBe('error');
    expect(banner?.text).toBe(useLanguage.getState().t('homework.failed'));
    expect(banner?.text).toMatch(/homework could not load/i);
    expect(useHomeworkShown.getState().panel).toBeNull();
  });

  it('leaves the lab as it was', async () => {
    const before = useLab.getState().shell;
    await showHomework('maker');
    expect(useLab.getState().shell).toBe(before);
  });
});

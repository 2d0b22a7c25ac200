import { describe, expect, it } from 'vitest';
import { jsonFile } from './download.ts';

describe('a JSON export', () => {
  it('holds no raw control character, and reads back as the same value', () => {
    const trace = { lines: ['# \x1b]8;;https://example.com/\x07CLICK HERE\x1b]8;;\x07', '@A poke(a, "\u009b31mred\x7f")'], n: 3 };
    const text = jsonFile(trace);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the test
    expect(text.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(text).toContain('\\u009b31mred\\u007f');
    expect(JSON.parse(text)).toEqual(trace);
  });
});

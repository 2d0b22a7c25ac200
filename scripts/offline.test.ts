import { describe, expect, it } from 'vitest';
import { serviceWorkerSource } from './offline.ts';

describe('serviceWorkerSource', () => {
  const source = serviceWorkerSource(['assets/index-1.js', 'assets/index-1.css', 'favicon.svg', 'sw.js'], 'abc123');
  const files = JSON.parse(/const FILES = (\[.*\]);/.exec(source)![1]!) as string[];

  it('precaches the page and every file of the build, but not itself', () => {
    expect(files).toEqual(['./', './assets/index-1.js', './assets/index-1.css', './favicon.svg']);
  });

  it('names its cache by the build, so a new build replaces the old cache', () => {
    expect(source).toContain('const CACHE = "lparlab-abc123"');
    expect(source).toMatch(/k\.startsWith\('lparlab-'\) && k !== CACHE/);
  });

  it('parses as a script', () => {
    expect(() => new Function(source)).not.toThrow();
  });
});

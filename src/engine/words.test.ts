import { describe, expect, it } from 'vitest';
import { count, didYouMean, narrated, words } from './words.js';
import { narrate } from './narration.js';

// The engine says what to print as data; src/i18n turns it into the reader's
// language (issue 23). These are the shapes the catalogs' formatter reads.
describe('words: what the engine says, as data for the reader\'s language', () => {
  it('a message without values carries its id alone', () => {
    expect(words('error.fd.notOpen')).toStrictEqual({ id: 'error.fd.notOpen' });
    expect('values' in words('error.fd.notOpen')).toBe(false);
  });

  it('a message with values carries them as given', () => {
    expect(words('error.fd.notOpen', { fd: 3 })).toStrictEqual({ id: 'error.fd.notOpen', values: { fd: 3 } });
  });

  it('a count carries the number that chooses the plural form', () => {
    expect(count(1)).toStrictEqual({ count: 1 });
    expect(count(3)).toStrictEqual({ count: 3 });
  });

  it('a narration of the machine is carried whole, to be said in the reader\'s language', () => {
    const said = narrated(['until.accept']);
    expect(said).toStrictEqual({ say: ['until.accept'] });
    expect(narrate(said.say)).toBe('the system control program accepts');
  });

  it('after an unknown name, "did you mean" names the nearest one, or says nothing when none is near', () => {
    expect(didYouMean('seed')).toStrictEqual({ id: 'error.didYouMean', values: { near: 'seed' } });
    expect(didYouMean(null)).toBe('');
    expect(didYouMean(undefined)).toBe('');
    expect(didYouMean('')).toBe('');
  });
});

import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { fillSlots, slot } from './slots.tsx';
import { makeTranslate } from '../../i18n/translate.ts';

describe('fillSlots', () => {
  it('puts each element where its argument stood, in the message\'s own order', () => {
    const t = makeTranslate('ja', { k: '{b}で受け、{a}で頼む' } as never);
    const html = renderToStaticMarkup(<p>{fillSlots(t('k' as never, { a: slot(0), b: slot(1) }), [<code key="a">connect</code>, <code key="b">accept</code>])}</p>);
    expect(html).toBe('<p><code>accept</code>で受け、<code>connect</code>で頼む</p>');
  });

  it('leaves a message without marks as it is', () => {
    expect(fillSlots('plain text', [])).toEqual(['plain text']);
  });
});

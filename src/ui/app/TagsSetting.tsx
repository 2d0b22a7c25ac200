// The reader's choice of how the patent's tags are shown in every view
// (Sequence arrows, the narration, the timeline, exported pictures): a
// native select, so it works the same with a mouse, a keyboard and a phone.
// On a phone's header it is one short select (its choices say what they show:
// "S107 [0063]", "S107 only", "no tags"), so the header keeps to two rows.

import { isTagStyle } from '../../engine/index.ts';
import { TAG_CHOICES, usePrefs } from './prefs.ts';
import { useT } from './language.ts';

export function TagsSetting({ short = false }: { short?: boolean }) {
  const t = useT();
  const tags = usePrefs((p) => p.tags);
  const choose = usePrefs((p) => p.chooseTags);
  const select = (
    <select
      value={tags}
      data-testid="tags-setting"
      aria-label={short ? t('app.tags') : undefined}
      title={short ? t('app.tags.title') : undefined}
      onChange={(e) => {
        const v = e.target.value;
        if (isTagStyle(v)) choose(v);
      }}
    >
      {TAG_CHOICES.map((c) => (
        <option key={c.style} value={c.style}>{t(short ? c.short : c.label)}</option>
      ))}
    </select>
  );
  if (short) return select;
  return (
    <label className="tags-setting" title={t('app.tags.title')}>
      {t('app.tags')} {select}
    </label>
  );
}

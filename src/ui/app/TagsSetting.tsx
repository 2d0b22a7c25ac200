// The reader's choice of how the patent's tags are shown in every view
// (Sequence arrows, the narration, the timeline, exported pictures): a
// native select, so it works the same with a mouse, a keyboard and a phone
// (where it sits in the header's Settings).

import { isTagStyle } from '../../engine/index.ts';
import { TAG_CHOICES, usePrefs } from './prefs.ts';
import { useT } from './language.ts';

export function TagsSetting() {
  const t = useT();
  const tags = usePrefs((p) => p.tags);
  const choose = usePrefs((p) => p.chooseTags);
  return (
    <label className="tags-setting" title={t('app.tags.title')}>
      {t('app.tags')}{' '}
      <select
        value={tags}
        data-testid="tags-setting"
        onChange={(e) => {
          const v = e.target.value;
          if (isTagStyle(v)) choose(v);
        }}
      >
        {TAG_CHOICES.map((c) => (
          <option key={c.style} value={c.style}>{t(c.label)}</option>
        ))}
      </select>
    </label>
  );
}

// The reader's choice of how the patent's tags are shown in every view
// (Sequence arrows, the narration, the timeline, exported pictures): a
// native select, so it works the same with a mouse, a keyboard and a phone.

import { isTagStyle } from '../../engine/index.ts';
import { TAG_CHOICES, usePrefs } from './prefs.ts';

export function TagsSetting({ short = false }: { short?: boolean }) {
  const tags = usePrefs((p) => p.tags);
  const choose = usePrefs((p) => p.chooseTags);
  return (
    <label className="tags-setting" title="how the patent's steps (S107) and paragraphs ([0063]) are shown">
      {short ? 'Tags' : 'Patent tags'}{' '}
      <select
        value={tags}
        data-testid="tags-setting"
        onChange={(e) => {
          const v = e.target.value;
          if (isTagStyle(v)) choose(v);
        }}
      >
        {TAG_CHOICES.map((c) => (
          <option key={c.style} value={c.style}>{c.label}</option>
        ))}
      </select>
    </label>
  );
}

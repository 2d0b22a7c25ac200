// The page's language menu: each language named in itself, so a reader who
// cannot read the current one still finds their own.

import { LANGUAGES, isLanguage } from '../../i18n/languages.ts';
import { useLanguage, useT } from './language.ts';

export function LanguageMenu() {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const choose = useLanguage((s) => s.choose);
  return (
    <select
      className="language" aria-label={t('app.language.label')} value={lang} data-testid="language"
      onChange={(e) => { if (isLanguage(e.target.value)) void choose(e.target.value); }}
    >
      {Object.entries(LANGUAGES).map(([id, { name }]) => (
        <option key={id} value={id} lang={id}>{name}</option>
      ))}
    </select>
  );
}

// The narration strip: the step the playhead has just shown, in plain words
// with its patent tag as the reader wants tags shown (prefs.ts). It is an
// aria-live region, so screen readers hear each step.

import { isLabTag, tagShown } from '../../engine/index.ts';
import { narrateIn } from '../../i18n/narrate.ts';
import { useFocusEvent, useLab } from '../store/labStore.ts';
import { useT } from './language.ts';
import { usePrefs } from './prefs.ts';

export function Narration() {
  const t = useT();
  const event = useFocusEvent();
  const boot = useLab((s) => s.position <= s.shell.timeline.bootEvents.length);
  // the words are made here, when the step is shown, in the reader's language: the trace keeps them as data
  const say = event && !boot ? narrateIn(t, event.say) : '';
  const tags = usePrefs((p) => p.tags);
  const mark = event && !boot ? tagShown(event.tag, tags) : '';
  return (
    <div className="narration" aria-live="polite" data-testid="narration" title={event && !boot ? [mark, say].filter(Boolean).join(' ') : undefined}>
      {event && !boot ? (
        <>
          {mark && (
            <>
              <span className={isLabTag(event.tag) ? 'tag extension' : 'tag'} title={isLabTag(event.tag) ? t('narration.labTag') : undefined}>{mark}</span>{' '}
            </>
          )}
          <span className="say">{say}</span>
        </>
      ) : (
        <span className="say">{t('narration.booted')}</span>
      )}
    </div>
  );
}

// The narration strip: the step the playhead has just shown, in plain words
// with its patent tag. It is an aria-live region, so screen readers hear each step.

import { isLabTag, tagLabel } from '../../engine/index.ts';
import { narrateIn } from '../../i18n/narrate.ts';
import { useFocusEvent, useLab } from '../store/labStore.ts';
import { useT } from './language.ts';

export function Narration() {
  const t = useT();
  const event = useFocusEvent();
  const boot = useLab((s) => s.position <= s.shell.timeline.bootEvents.length);
  // the words are made here, when the step is shown, in the reader's language: the trace keeps them as data
  const say = event && !boot ? narrateIn(t, event.say) : '';
  return (
    <div className="narration" aria-live="polite" data-testid="narration" title={event && !boot ? `${event.tag} ${say}` : undefined}>
      {event && !boot ? (
        <>
          <span className={isLabTag(event.tag) ? 'tag extension' : 'tag'} title={isLabTag(event.tag) ? t('narration.labTag') : undefined}>{tagLabel(event.tag)}</span>{' '}
          <span className="say">{say}</span>
        </>
      ) : (
        <span className="say">{t('narration.booted')}</span>
      )}
    </div>
  );
}

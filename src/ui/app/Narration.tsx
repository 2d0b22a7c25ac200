// The narration strip: the step the playhead has just shown, in plain words
// with its patent tag. It is an aria-live region, so screen readers hear each step.

import { isLabTag, narrate, tagLabel } from '../../engine/index.ts';
import { useFocusEvent, useLab } from '../store/labStore.ts';

export function Narration() {
  const event = useFocusEvent();
  const boot = useLab((s) => s.position <= s.shell.timeline.bootEvents.length);
  // the words are made here, when the step is shown: the trace keeps them as data
  const say = event && !boot ? narrate(event.say) : '';
  return (
    <div className="narration" aria-live="polite" data-testid="narration" title={event && !boot ? `${event.tag} ${say}` : undefined}>
      {event && !boot ? (
        <>
          <span className={isLabTag(event.tag) ? 'tag extension' : 'tag'} title={isLabTag(event.tag) ? "the lab's own extension: the patent does not describe this step" : undefined}>{tagLabel(event.tag)}</span>{' '}
          <span className="say">{say}</span>
        </>
      ) : (
        <span className="say">The machine has booted: the control OS, the system control program in partition 1, guests A and B. Type in the terminal to begin.</span>
      )}
    </div>
  );
}

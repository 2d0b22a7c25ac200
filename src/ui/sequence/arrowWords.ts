// The Sequence view's words in the reader's language. The engine's sequence
// view (src/engine/views/sequenceView.ts) labels each arrow and lane in
// English for lparsh and the exported pictures; the page says the same in
// the reader's language: each arrow's short word by its event kind, its full
// text from its narration data (say.* messages), and who acts on whom.

import type { EventKind, SequenceArrow, SequenceLane, SequenceModel } from '../../engine/index.ts';
import type { MessageKey, Translate } from '../../i18n/translate.ts';
import { narrateIn } from '../../i18n/narrate.ts';

/**
 * Each event kind's word over its arrow. The kinds left out are the kernel's
 * system calls (socket, bind, read ...): their word is the call's name, the
 * command language, the same in every language.
 */
const ARROW_WORDS: Partial<Record<EventKind, MessageKey>> = {
  'sys.return': 'sequence.arrow.sys.return',
  'lpar.create': 'sequence.arrow.lpar.create',
  'lpar.limit': 'sequence.arrow.lpar.limit',
  'lpar.end': 'sequence.arrow.lpar.end',
  'lp.place': 'sequence.arrow.lp.place',
  'lp.stop': 'sequence.arrow.lp.stop',
  'sched.slice': 'sequence.arrow.sched.slice',
  'resource.alloc': 'sequence.arrow.resource.alloc',
  'resource.forward': 'sequence.arrow.resource.forward',
  'resource.grant': 'sequence.arrow.resource.grant',
  'resource.reduce': 'sequence.arrow.resource.reduce',
  'resource.deny': 'sequence.arrow.resource.deny',
  'resource.release': 'sequence.arrow.resource.release',
  'policy.set': 'sequence.arrow.policy.set',
  'signal.queue': 'sequence.arrow.signal.queue',
  'signal.notify': 'sequence.arrow.signal.notify',
  'signal.take': 'sequence.arrow.signal.take',
  'signal.permit': 'sequence.arrow.signal.permit',
  'signal.deny': 'sequence.arrow.signal.deny',
  'signal.drop': 'sequence.arrow.signal.drop',
  'event.port': 'sequence.arrow.event.port',
  'event.connect': 'sequence.arrow.event.connect',
  'event.raise': 'sequence.arrow.event.raise',
  'event.merge': 'sequence.arrow.event.merge',
  'event.poll': 'sequence.arrow.event.poll',
  'event.close': 'sequence.arrow.event.close',
  'channel.request': 'sequence.arrow.channel.request',
  'channel.forward': 'sequence.arrow.channel.forward',
  'channel.permit': 'sequence.arrow.channel.permit',
  'channel.notify': 'sequence.arrow.channel.notify',
  'channel.refuse': 'sequence.arrow.channel.refuse',
  'area.reserve': 'sequence.arrow.area.reserve',
  'area.map': 'sequence.arrow.area.map',
  'message.send': 'sequence.arrow.message.send',
  'area.unmap': 'sequence.arrow.area.unmap',
  'area.flip': 'sequence.arrow.area.flip',
  'message.queue': 'sequence.arrow.message.queue',
  'message.event': 'sequence.arrow.message.event',
  'message.take': 'sequence.arrow.message.take',
  'area.read': 'sequence.arrow.area.read',
  'area.write': 'sequence.arrow.area.write',
  'fault': 'sequence.arrow.fault',
  'area.discard': 'sequence.arrow.area.discard',
  'port.discard': 'sequence.arrow.port.discard',
  'peer.notify': 'sequence.arrow.peer.notify',
  'peer.discard': 'sequence.arrow.peer.discard',
  'shm.request': 'sequence.arrow.shm.request',
  'shm.map': 'sequence.arrow.shm.map',
  'shm.unmap': 'sequence.arrow.shm.unmap',
  'call.suspend': 'sequence.arrow.call.suspend',
  'call.complete': 'sequence.arrow.call.complete',
  'call.interrupt': 'sequence.arrow.call.interrupt',
  'call.refuse': 'sequence.arrow.call.refuse',
  'cost.set': 'sequence.arrow.cost.set',
  'call.wake': 'sequence.arrow.call.wake',
  'sock.permission': 'sequence.arrow.sock.permission',
  'file.create': 'sequence.arrow.file.create',
};

/** A lane as an arrow's accessible name says it. */
function laneName(t: Translate, lane: SequenceLane | undefined): string {
  if (!lane) return '?';
  switch (lane.kind) {
    case 'control': return t('sequence.aria.control');
    case 'scp': return t('sequence.aria.scp');
    case 'kernel': return t('sequence.aria.kernel');
    case 'guest': return lane.label;
  }
}

/** An arrow's short word: a system call keeps its name (`socket()`), any other kind its word in the reader's language. */
function arrowWord(t: Translate, a: SequenceArrow): string {
  if (a.kind === 'sys.call') return a.label === 'call' ? t('sequence.arrow.call') : a.label;
  const key = ARROW_WORDS[a.kind];
  return key ? t(key) : a.label;
}

/** The model with every arrow's words in the language of `t` (English: the engine's own, unchanged). */
export function sequenceIn(t: Translate, lang: string, model: SequenceModel): SequenceModel {
  if (lang === 'en') return model;
  return { ...model, arrows: model.arrows.map((a) => ({ ...a, label: arrowWord(t, a), say: narrateIn(t, a.said) })) };
}

/** What a screen reader says for an arrow: the step, who acts on whom, and the trace's own words. */
export function arrowAriaLabel(t: Translate, a: SequenceArrow, lanes: readonly SequenceLane[]): string {
  const from = laneName(t, lanes[a.fromIndex]);
  const who = a.self ? t('sequence.arrow.within', { lane: from }) : t('sequence.arrow.between', { from, to: laneName(t, lanes[a.toIndex]) });
  const values = { label: a.label, who, say: a.say };
  if (a.mark === 'lab') return t('sequence.arrow.aria.lab', values);
  return a.mark ? t('sequence.arrow.aria.marked', { mark: a.mark, ...values }) : t('sequence.arrow.aria', values);
}

// The classroom strip under the page's header, loaded only when the address
// names a room. A student sees the connection, whether they follow the
// lecturer (and the buttons to stop or start again), their name, and the
// room's question with a box for their answer. The lecturer sees how many
// students are connected and following, the students' link as text and as a
// QR code, and the tally of answers, revealed when they choose.
//
// Presenting (?present), the strip is one row of a fixed height from the
// start, so the stage below never moves or shrinks when a question comes up;
// what is not for the room (how many have answered, the tally before it is
// revealed) is only in the lecturer's own window ("Lecturer view"), which
// they keep on their laptop's screen. A revealed tally lies over the stage
// under the strip, beside the Memory view's grid, and leaves the grid where it is.

import { useEffect, useId, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { findLessonIn } from '../../engine/index.ts';
import { useLab } from '../store/labStore.ts';
import { OPENING } from '../app/mode.ts';
import { readClassroomLink } from './classroomLink.ts';
import { useClassroom } from './classroomStore.ts';
import type { ConnectionStatus } from './classroomStore.ts';
import { joinClassroom } from './session.ts';
import { questionKey, tallyAnswers } from './room.ts';
import type { RoomMeta, TallyBar } from './room.ts';
import { QrCode } from './QrCode.tsx';
import { LAB_NAME, useLanguage, useT } from '../app/language.ts';
import { fillSlots, slot } from '../app/slots.tsx';
import type { MessageKey, Translate } from '../../i18n/translate.ts';
import './classroom.css';

const STATUS_TEXT: Record<ConnectionStatus, MessageKey> = {
  connecting: 'classroom.status.connecting',
  connected: 'classroom.status.connected',
  reconnecting: 'classroom.status.reconnecting',
  unreachable: 'classroom.status.unreachable',
};

/** The room's question in quotation marks, where the reader's language puts it in `key`'s message. */
function quoted(t: Translate, key: MessageKey, question: string) {
  return fillSlots(t(key, { question: slot(0) }), [<q key="q">{question}</q>]);
}

/** The students' link: this page's address without the room key. */
export function studentsLinkOf(href: string): string {
  const url = new URL(href);
  url.hash = '';
  const search = url.search.replace(/^\?/, '').split('&').filter((p) => p && !p.startsWith('key=')).join('&');
  return `${url.origin}${url.pathname}${search ? `?${search}` : ''}`;
}

function questionOf(meta: RoomMeta | null): { key: string; question: string; answer: string } | null {
  if (!meta?.lesson || meta.step === null) return null;
  // each student reads the room's question in their own language (issue 23)
  const ask = findLessonIn(meta.lesson, useLanguage.getState().lang)?.steps[meta.step]?.ask;
  return ask ? { key: questionKey(meta.lesson, meta.step), ...ask } : null;
}

/** The bars of a tally; `answer` is the lesson's answer, or null where it would give the answer away (the stage, before the step plays). */
function Tally({ bars, answer }: { bars: readonly TallyBar[]; answer: string | null }) {
  const t = useT();
  const most = Math.max(1, ...bars.map((b) => b.count));
  const total = bars.reduce((n, b) => n + b.count, 0);
  return (
    <figure className="tally" aria-label={t('classroom.tally.label')}>
      {bars.length === 0 ? (
        <p className="tally-empty">{t('classroom.tally.empty')}</p>
      ) : (
        <ul className="tally-bars">
          {bars.map((b) => (
            <li key={b.answer} data-answer={b.answer} data-count={b.count}>
              <span className="tally-answer">{b.answer}</span>
              <span className="tally-bar" style={{ width: `${(b.count / most) * 100}%` }} aria-hidden="true" />
              <span className="tally-count">{b.count}</span>
            </li>
          ))}
        </ul>
      )}
      <figcaption>
        {total > 0 && t('classroom.tally.total', { total, count: String(total) })}
        {answer !== null && `${total > 0 ? '; ' : ''}${t('classroom.tally.lessonAnswer', { answer })}`}
      </figcaption>
    </figure>
  );
}

/** What the lecturer reads of the room: who is there, and the answers to the open question. */
function useRoomCounts() {
  const people = useClassroom((s) => s.people);
  const meta = useClassroom((s) => s.meta);
  const students = people.filter((p) => p.role === 'student');
  const question = questionOf(meta);
  return {
    people,
    meta,
    students: students.length,
    following: students.filter((p) => p.following).length,
    question,
    answered: question ? students.filter((p) => p.answer?.question === question.key).length : 0,
  };
}

function RevealButton() {
  const t = useT();
  const meta = useClassroom((s) => s.meta);
  const setReveal = useClassroom((s) => s.setReveal);
  return (
    <button type="button" aria-pressed={meta?.reveal ?? false} onClick={() => setReveal(!(meta?.reveal ?? false))}>
      {t(meta?.reveal ? 'classroom.hide' : 'classroom.reveal')}
    </button>
  );
}

/** The lecturer's own window: the answers as they come in, before the room sees any of them. */
function LecturerPanel() {
  const t = useT();
  const { people, meta, students, following, question, answered } = useRoomCounts();
  return (
    <main className="lecturer-view" aria-label={t('classroom.lecturer.label')}>
      <h1>{t('classroom.lecturer')}</h1>
      <p data-testid="lecturer-count">{t('classroom.count', { students, n: String(students), following: String(following) })}</p>
      {question ? (
        <section aria-label={t('classroom.question.label')}>
          <p>{quoted(t, 'classroom.question', question.question)}</p>
          <p className="lecturer-answered" data-testid="lecturer-answered">{t('classroom.answered', { answered: String(answered), students: String(students) })}</p>
          <RevealButton />
          <Tally bars={tallyAnswers(people, question.key)} answer={question.answer} />
          <p className="lecturer-hint">{t(meta?.reveal ? 'classroom.hint.revealed' : 'classroom.hint.hidden')}</p>
        </section>
      ) : (
        <p>{t('classroom.noOpen')}</p>
      )}
    </main>
  );
}

/** A window of its own for LecturerPanel, opened on the lecturer's click (so no pop-up blocker minds), or null when blocked. */
function openLecturerWindow(t: Translate): { readonly win: Window; readonly root: HTMLElement } | null {
  const win = window.open('', 'lparlab-lecturer', 'popup,width=460,height=560');
  if (!win) return null;
  const doc = win.document;
  doc.title = t('classroom.window.title', { lab: LAB_NAME });
  // the page's own styles, by absolute address (the window's document is about:blank)
  const styles = [...document.querySelectorAll<HTMLElement>('link[rel="stylesheet"], style')].map((node) => {
    const copy = node.cloneNode(true) as HTMLElement;
    if (node instanceof HTMLLinkElement) copy.setAttribute('href', node.href);
    return copy;
  });
  doc.head.replaceChildren(...styles);
  doc.documentElement.dataset.theme = document.documentElement.dataset.theme ?? 'light';
  const root = doc.createElement('div');
  doc.body.replaceChildren(root);
  return { win, root };
}

/** LecturerPanel drawn by this page into the lecturer's window; the window closes with the strip. */
function LecturerWindow({ win, root, onClosed }: { win: Window; root: HTMLElement; onClosed: () => void }) {
  useEffect(() => {
    win.addEventListener('pagehide', onClosed);
    return () => {
      win.removeEventListener('pagehide', onClosed);
      win.close();
    };
  }, [win, onClosed]);
  return createPortal(<LecturerPanel />, root);
}

function LecturerControls() {
  const t = useT();
  const { people, meta, students, following, question, answered } = useRoomCounts();
  const [showLink, setShowLink] = useState(false);
  const [view, setView] = useState<{ readonly win: Window; readonly root: HTMLElement } | null>(null);
  const closeView = useMemo(() => () => setView(null), []);
  const toggleView = () => {
    if (view) {
      setView(null);
      return;
    }
    const opened = openLecturerWindow(t);
    if (!opened) useLab.getState().setBanner({ kind: 'error', text: t('classroom.blocked') });
    setView(opened);
  };
  const link = useMemo(() => studentsLinkOf(location.href), []);
  const presenting = OPENING.mode === 'present';
  return (
    <>
      <span className="classroom-count" data-testid="classroom-count">
        {t('classroom.count', { students, n: String(students), following: String(following) })}
      </span>
      <div className="classroom-pop">
        <button type="button" aria-expanded={showLink} aria-controls="classroom-link" onClick={() => setShowLink(!showLink)}>
          {t('classroom.studentsLink')}
        </button>
        {showLink && (
          <div id="classroom-link" className="classroom-popover" role="group" aria-label={t('classroom.studentsLink.group')}>
            <QrCode text={link} label={t('classroom.studentsLink.qr')} />
            <input readOnly value={link} aria-label={t('classroom.studentsLink.field')} onFocus={(e) => e.currentTarget.select()} />
          </div>
        )}
      </div>
      <button type="button" aria-pressed={view !== null} onClick={toggleView}
        title={t('classroom.lecturer.title')}>
        {t('classroom.lecturer')}
      </button>
      {view && <LecturerWindow win={view.win} root={view.root} onClosed={closeView} />}
      {question && presenting && (
        // on the stage: the button only; counts stay in the lecturer's window until revealed
        <>
          <RevealButton />
          {meta?.reveal && (
            <div className="classroom-overlay" role="group" aria-label={t('classroom.roomAnswers.revealed')}>
              <p className="classroom-overlay-q">{quoted(t, 'classroom.roomAnswered', question.question)}</p>
              <Tally bars={tallyAnswers(people, question.key)} answer={null} />
            </div>
          )}
        </>
      )}
      {question && !presenting && (
        <div className="classroom-question">
          <span>
            {quoted(t, 'classroom.question', question.question)} {t('classroom.answered', { answered: String(answered), students: String(students) })}
          </span>
          <RevealButton />
          {meta?.reveal && <Tally bars={tallyAnswers(people, question.key)} answer={question.answer} />}
        </div>
      )}
    </>
  );
}

function StudentControls() {
  const following = useClassroom((s) => s.following);
  const detach = useClassroom((s) => s.detach);
  const follow = useClassroom((s) => s.follow);
  const name = useClassroom((s) => s.name);
  const setName = useClassroom((s) => s.setName);
  const meta = useClassroom((s) => s.meta);
  const answer = useClassroom((s) => s.answer);
  const sendAnswer = useClassroom((s) => s.sendAnswer);
  const [draft, setDraft] = useState('');
  const nameId = useId();
  const answerId = useId();
  const question = questionOf(meta);
  const given = question && answer?.question === question.key ? answer.text : null;
  // a revealed tally opens by itself; closing it holds for that question only
  const [closedFor, setClosedFor] = useState<string | null>(null);
  const tallyOpen = question !== null && closedFor !== question.key;
  const tallyId = useId();
  const t = useT();
  return (
    <>
      {meta === null ? (
        <span className="classroom-follow">{t('classroom.waiting')}</span>
      ) : following ? (
        <>
          <span className="classroom-follow" data-testid="classroom-follow">{t('classroom.following')}</span>
          <button type="button" onClick={detach}>{t('classroom.try')}</button>
        </>
      ) : (
        <>
          <span className="classroom-follow" data-testid="classroom-follow">{t('classroom.alone')}</span>
          <button type="button" onClick={follow}>{t('classroom.followAgain')}</button>
        </>
      )}
      <label htmlFor={nameId} className="classroom-name">
        {t('classroom.youAre')}
        <input id={nameId} defaultValue={name} maxLength={40} size={10} onBlur={(e) => setName(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && setName(e.currentTarget.value)} />
      </label>
      {/* the question's row is there from the start, one size whatever it holds, so the page below never moves when a question is asked, answered or revealed */}
      <form className="classroom-question student-question" data-testid="student-question" onSubmit={(e) => { e.preventDefault(); if (question) sendAnswer(draft); }}>
        <label htmlFor={answerId} title={question?.question}>
          {question ? quoted(t, 'classroom.question', question.question) : <span className="classroom-given">{t('classroom.noQuestion')}</span>}
        </label>
        <span className="student-answer">
          <input id={answerId} value={draft} maxLength={80} onChange={(e) => setDraft(e.currentTarget.value)} placeholder={t(question ? 'classroom.answer.placeholder' : 'classroom.noQuestion.placeholder')} disabled={!question} />
          <button type="submit" disabled={!question || !draft.trim()}>{t('classroom.answer')}</button>
          {given !== null && <span className="classroom-given">{t('classroom.sent', { answer: given })}</span>}
          {question && meta?.reveal && (
            <button type="button" aria-expanded={tallyOpen} aria-controls={tallyId} onClick={() => setClosedFor(tallyOpen ? question.key : null)}>
              {t('classroom.roomAnswers')}
            </button>
          )}
        </span>
      </form>
      {question && meta?.reveal && tallyOpen && (
        // laid over the page under the strip, as the presenter's is over the stage: nothing below moves
        <div id={tallyId} className="classroom-overlay student-tally" role="group" aria-label={t('classroom.roomAnswers.revealed')}>
          <Tally bars={meta.tally} answer={question.answer} />
          <button type="button" onClick={() => setClosedFor(question.key)}>{t('classroom.close')}</button>
        </div>
      )}
    </>
  );
}

export default function ClassroomBar() {
  const t = useT();
  const link = useMemo(() => readClassroomLink(location.search), []);
  const role = useClassroom((s) => s.role);
  const status = useClassroom((s) => s.status);
  const room = useClassroom((s) => s.link?.room);
  const notice = useClassroom((s) => s.notice);

  useEffect(() => {
    if (!link) return;
    if (!link.ok) {
      useLab.getState().setBanner({ kind: 'error', text: link.message });
      return;
    }
    return joinClassroom(link.link);
  }, [link]);

  if (!link?.ok) return null;
  return (
    <section className={`classroom-bar ${role}${OPENING.mode === 'present' ? ' presenting' : ''}`} aria-label={t('classroom.label')}>
      <strong>{t(role === 'lecturer' ? 'classroom.lecturing' : 'classroom.room', { room: room ?? '' })}</strong>
      <span className={`classroom-status ${status}`} role="status" data-testid="classroom-status">{t(STATUS_TEXT[status])}</span>
      {notice && (
        <span className={`classroom-notice ${notice.kind}`} role={notice.kind === 'invalid' ? 'alert' : 'note'} data-testid="classroom-notice" title={notice.text}>
          {notice.text}
        </span>
      )}
      {role === 'lecturer' ? <LecturerControls /> : <StudentControls />}
    </section>
  );
}

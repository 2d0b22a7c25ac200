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
import { findLesson } from '../../engine/index.ts';
import { useLab } from '../store/labStore.ts';
import { OPENING } from '../app/mode.ts';
import { joinClassroom, readClassroomLink, useClassroom } from './session.ts';
import type { ConnectionStatus } from './session.ts';
import { questionKey, tallyAnswers } from './room.ts';
import type { RoomMeta, TallyBar } from './room.ts';
import { QrCode } from './QrCode.tsx';
import { useT } from '../app/language.ts';
import './classroom.css';

const STATUS_TEXT: Record<ConnectionStatus, string> = {
  connecting: 'connecting to the relay…',
  connected: 'connected',
  reconnecting: 'reconnecting… (the lab keeps working here)',
  unreachable: 'relay unreachable: the lab works on its own and tries again',
};

/** The students' link: this page's address without the room key. */
export function studentsLinkOf(href: string): string {
  const url = new URL(href);
  url.hash = '';
  const search = url.search.replace(/^\?/, '').split('&').filter((p) => p && !p.startsWith('key=')).join('&');
  return `${url.origin}${url.pathname}${search ? `?${search}` : ''}`;
}

function questionOf(meta: RoomMeta | null): { key: string; question: string; answer: string } | null {
  if (!meta?.lesson || meta.step === null) return null;
  const ask = findLesson(meta.lesson)?.steps[meta.step]?.ask;
  return ask ? { key: questionKey(meta.lesson, meta.step), ...ask } : null;
}

/** The bars of a tally; `answer` is the lesson's answer, or null where it would give the answer away (the stage, before the step plays). */
function Tally({ bars, answer }: { bars: readonly TallyBar[]; answer: string | null }) {
  const most = Math.max(1, ...bars.map((b) => b.count));
  const total = bars.reduce((n, b) => n + b.count, 0);
  return (
    <figure className="tally" aria-label="the room's answers">
      {bars.length === 0 ? (
        <p className="tally-empty">No answers yet.</p>
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
        {total > 0 && `${total} answer${total === 1 ? '' : 's'}`}
        {answer !== null && `${total > 0 ? '; ' : ''}the lesson's answer: ${answer}`}
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
  const meta = useClassroom((s) => s.meta);
  const setReveal = useClassroom((s) => s.setReveal);
  return (
    <button type="button" aria-pressed={meta?.reveal ?? false} onClick={() => setReveal(!(meta?.reveal ?? false))}>
      {meta?.reveal ? 'Hide the tally' : 'Reveal the tally'}
    </button>
  );
}

/** The lecturer's own window: the answers as they come in, before the room sees any of them. */
function LecturerPanel() {
  const { people, meta, students, following, question, answered } = useRoomCounts();
  return (
    <main className="lecturer-view" aria-label="lecturer view">
      <h1>Lecturer view</h1>
      <p data-testid="lecturer-count">{students} student{students === 1 ? '' : 's'} connected, {following} following</p>
      {question ? (
        <section aria-label="the room's question">
          <p>Question: <q>{question.question}</q></p>
          <p className="lecturer-answered" data-testid="lecturer-answered">{answered} of {students} answered</p>
          <RevealButton />
          <Tally bars={tallyAnswers(people, question.key)} answer={question.answer} />
          <p className="lecturer-hint">{meta?.reveal ? 'The room sees this tally now.' : 'Only you see this until you reveal it.'}</p>
        </section>
      ) : (
        <p>No question is open: the room's questions come with lesson steps that ask one.</p>
      )}
    </main>
  );
}

/** A window of its own for LecturerPanel, opened on the lecturer's click (so no pop-up blocker minds), or null when blocked. */
function openLecturerWindow(): { readonly win: Window; readonly root: HTMLElement } | null {
  const win = window.open('', 'lparlab-lecturer', 'popup,width=460,height=560');
  if (!win) return null;
  const doc = win.document;
  doc.title = 'lparlab: lecturer view';
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
  const { people, meta, students, following, question, answered } = useRoomCounts();
  const [showLink, setShowLink] = useState(false);
  const [view, setView] = useState<{ readonly win: Window; readonly root: HTMLElement } | null>(null);
  const closeView = useMemo(() => () => setView(null), []);
  const toggleView = () => {
    if (view) {
      setView(null);
      return;
    }
    const opened = openLecturerWindow();
    if (!opened) useLab.getState().setBanner({ kind: 'error', text: 'The browser blocked the lecturer view\'s window: allow pop-ups for this page and press "Lecturer view" again.' });
    setView(opened);
  };
  const link = useMemo(() => studentsLinkOf(location.href), []);
  const presenting = OPENING.mode === 'present';
  return (
    <>
      <span className="classroom-count" data-testid="classroom-count">
        {students} student{students === 1 ? '' : 's'} connected, {following} following
      </span>
      <div className="classroom-pop">
        <button type="button" aria-expanded={showLink} aria-controls="classroom-link" onClick={() => setShowLink(!showLink)}>
          Students' link
        </button>
        {showLink && (
          <div id="classroom-link" className="classroom-popover" role="group" aria-label="the students' link">
            <QrCode text={link} label="QR code of the students' link" />
            <input readOnly value={link} aria-label="students' link" onFocus={(e) => e.currentTarget.select()} />
          </div>
        )}
      </div>
      <button type="button" aria-pressed={view !== null} onClick={toggleView}
        title="the answers as they come in, in a window of your own (keep it off the projected screen)">
        Lecturer view
      </button>
      {view && <LecturerWindow win={view.win} root={view.root} onClosed={closeView} />}
      {question && presenting && (
        // on the stage: the button only; counts stay in the lecturer's window until revealed
        <>
          <RevealButton />
          {meta?.reveal && (
            <div className="classroom-overlay" role="group" aria-label="the room's answers, revealed">
              <p className="classroom-overlay-q">The room answered: <q>{question.question}</q></p>
              <Tally bars={tallyAnswers(people, question.key)} answer={null} />
            </div>
          )}
        </>
      )}
      {question && !presenting && (
        <div className="classroom-question">
          <span>
            Question: <q>{question.question}</q> {answered} of {students} answered
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
        <span className="classroom-follow">waiting for the lecturer's lab</span>
      ) : following ? (
        <>
          <span className="classroom-follow" data-testid="classroom-follow">following the lecturer</span>
          <button type="button" onClick={detach}>Try it yourself</button>
        </>
      ) : (
        <>
          <span className="classroom-follow" data-testid="classroom-follow">on your own</span>
          <button type="button" onClick={follow}>Follow again</button>
        </>
      )}
      <label htmlFor={nameId} className="classroom-name">
        You are
        <input id={nameId} defaultValue={name} maxLength={40} size={10} onBlur={(e) => setName(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && setName(e.currentTarget.value)} />
      </label>
      {/* the question's row is there from the start, one size whatever it holds, so the page below never moves when a question is asked, answered or revealed */}
      <form className="classroom-question student-question" data-testid="student-question" onSubmit={(e) => { e.preventDefault(); if (question) sendAnswer(draft); }}>
        <label htmlFor={answerId} title={question?.question}>
          {question ? <>Question: <q>{question.question}</q></> : <span className="classroom-given">{t('classroom.noQuestion')}</span>}
        </label>
        <span className="student-answer">
          <input id={answerId} value={draft} maxLength={80} onChange={(e) => setDraft(e.currentTarget.value)} placeholder={question ? 'your answer' : t('classroom.noQuestion.placeholder')} disabled={!question} />
          <button type="submit" disabled={!question || !draft.trim()}>Answer</button>
          {given !== null && <span className="classroom-given">sent: {given}</span>}
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
    <section className={`classroom-bar ${role}${OPENING.mode === 'present' ? ' presenting' : ''}`} aria-label="classroom">
      <strong>{role === 'lecturer' ? 'Lecturing' : 'Classroom'} {room}</strong>
      <span className={`classroom-status ${status}`} role="status" data-testid="classroom-status">{STATUS_TEXT[status]}</span>
      {notice && (
        <span className={`classroom-notice ${notice.kind}`} role={notice.kind === 'invalid' ? 'alert' : 'note'} data-testid="classroom-notice" title={notice.text}>
          {notice.text}
        </span>
      )}
      {role === 'lecturer' ? <LecturerControls /> : <StudentControls />}
    </section>
  );
}

// The classroom strip under the page's header, loaded only when the address
// names a room. A student sees the connection, whether they follow the
// lecturer (and the buttons to stop or start again), their name, and the
// room's question with a box for their answer. The lecturer sees how many
// students are connected and following, the students' link as text and as a
// QR code, and the tally of answers, revealed when they choose.

import { useEffect, useId, useMemo, useState } from 'react';
import { findLesson } from '../../engine/index.ts';
import { useLab } from '../store/labStore.ts';
import { joinClassroom, readClassroomLink, useClassroom } from './session.ts';
import type { ConnectionStatus } from './session.ts';
import { questionKey, tallyAnswers } from './room.ts';
import type { RoomMeta, TallyBar } from './room.ts';
import { QrCode } from './QrCode.tsx';
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

function Tally({ bars, answer }: { bars: readonly TallyBar[]; answer: string }) {
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
      <figcaption>{total > 0 && `${total} answer${total === 1 ? '' : 's'}; `}the lesson's answer: {answer}</figcaption>
    </figure>
  );
}

function LecturerControls() {
  const people = useClassroom((s) => s.people);
  const meta = useClassroom((s) => s.meta);
  const setReveal = useClassroom((s) => s.setReveal);
  const [showLink, setShowLink] = useState(false);
  const students = people.filter((p) => p.role === 'student');
  const following = students.filter((p) => p.following).length;
  const question = questionOf(meta);
  const answered = question ? students.filter((p) => p.answer?.question === question.key).length : 0;
  const link = useMemo(() => studentsLinkOf(location.href), []);
  return (
    <>
      <span className="classroom-count" data-testid="classroom-count">
        {students.length} student{students.length === 1 ? '' : 's'} connected, {following} following
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
      {question && (
        <div className="classroom-question">
          <span>
            Question: <q>{question.question}</q> {answered} of {students.length} answered
          </span>
          <button type="button" aria-pressed={meta?.reveal ?? false} onClick={() => setReveal(!(meta?.reveal ?? false))}>
            {meta?.reveal ? 'Hide the tally' : 'Reveal the tally'}
          </button>
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
      {question && (
        <form className="classroom-question" onSubmit={(e) => { e.preventDefault(); sendAnswer(draft); }}>
          <label htmlFor={answerId}>
            Question: <q>{question.question}</q>
          </label>
          <input id={answerId} value={draft} maxLength={80} onChange={(e) => setDraft(e.currentTarget.value)} placeholder="your answer" />
          <button type="submit" disabled={!draft.trim()}>Answer</button>
          {given !== null && <span className="classroom-given">sent: {given}</span>}
          {meta?.reveal && <Tally bars={meta.tally} answer={question.answer} />}
        </form>
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
    <section className={`classroom-bar ${role}`} aria-label="classroom">
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

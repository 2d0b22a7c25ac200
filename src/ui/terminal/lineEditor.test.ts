import { describe, expect, it } from 'vitest';
import { EMPTY_EDITOR, MAX_LINE, press, splitInput } from './lineEditor.ts';
import type { EditorAction, EditorState } from './lineEditor.ts';

const NAMES = ['socket(', 'select(', 'send(', 'signal(', 'signals('];
const complete = (prefix: string) => NAMES.filter((n) => n.startsWith(prefix));

function type(data: string[], start: EditorState = EMPTY_EDITOR) {
  let state = start;
  const actions: EditorAction[] = [];
  for (const chunk of data) {
    for (const part of splitInput(chunk)) {
      const r = press(state, part, complete);
      state = r.state;
      actions.push(...r.actions);
    }
  }
  return { state, actions };
}

describe('the line editor', () => {
  // issue 18: a paste past the limit was cut to fit, and the cut line ran as something else
  it('leaves out a paste that would make the line longer than MAX_LINE, whole, and says why', () => {
    const start = type(['poke(a, "']).state;
    const paste = type([`${'z'.repeat(MAX_LINE)}")`], start);
    expect(paste.state).toBe(start);
    expect(paste.actions).toEqual([{ kind: 'refused', message: `not pasted: a line holds at most ${MAX_LINE} characters, and this text (${MAX_LINE + 2}) would make it ${MAX_LINE + 11}` }]);
    // what fits goes in; a key past the end rings
    const full = type(['x'.repeat(MAX_LINE)]).state;
    expect(full.buffer).toHaveLength(MAX_LINE);
    expect(type(['y'], full).actions).toEqual([{ kind: 'bell' }]);
  });

  it('types, moves and edits in the middle of a line', () => {
    const { state } = type(['bind(s 7)', '\x1b[D', '\x1b[D', '\x1b[D', ',']);
    expect(state.buffer).toBe('bind(s, 7)');
    expect(type(['abc', '\x01', 'X', '\x05', 'Y']).state.buffer).toBe('XabcY');
    expect(type(['abc', '\x1b[H', '\x1b[3~']).state.buffer).toBe('bc');
  });

  it('deletes to the start (Ctrl-U), a word (Ctrl-W) and to the end (Ctrl-K)', () => {
    expect(type(['fd = accept(s)', '\x15']).state.buffer).toBe('');
    expect(type(['write(fd, r.vfile)', '\x17']).state.buffer).toBe('write(fd, ');
    expect(type(['hello world', '\x01', '\x1b[C', '\x0b']).state.buffer).toBe('h');
  });

  it('submits on enter and keeps a history to walk with up and down', () => {
    const first = type(['listen(s)', '\r', 'bind(s, 7)', '\r', 'acc']);
    expect(first.actions.filter((a) => a.kind === 'submit')).toEqual([{ kind: 'submit', line: 'listen(s)' }, { kind: 'submit', line: 'bind(s, 7)' }]);
    const up = type(['\x1b[A'], first.state);
    expect(up.state.buffer).toBe('bind(s, 7)');
    const upUp = type(['\x1b[A', '\x1b[A'], first.state);
    expect(upUp.state.buffer).toBe('listen(s)');
    const back = type(['\x1b[A', '\x1b[B'], first.state);
    expect(back.state.buffer).toBe('acc');
  });

  it('submits each line of a multi-line paste', () => {
    const { actions } = type(['socket(AF_LPAR, SOCK_SEQPACKET)\rbind(3, 7)\r']);
    expect(actions).toEqual([{ kind: 'submit', line: 'socket(AF_LPAR, SOCK_SEQPACKET)' }, { kind: 'submit', line: 'bind(3, 7)' }]);
  });

  it('completes the common prefix, and lists the options when it cannot go further', () => {
    expect(type(['so', '\t']).state.buffer).toBe('socket(');
    const many = type(['s', '\t']);
    expect(many.state.buffer).toBe('s');
    expect(many.actions).toEqual([{ kind: 'options', items: NAMES }]);
    expect(type(['sig', '\t']).state.buffer).toBe('signal');
    expect(type(['x = zz', '\t']).actions).toEqual([{ kind: 'bell' }]);
  });

  it('cancels the line on Ctrl-C and clears the screen on Ctrl-L', () => {
    const c = type(['half a line', '\x03']);
    expect(c.state.buffer).toBe('');
    expect(c.actions).toEqual([{ kind: 'cancel' }]);
    expect(type(['\x0c']).actions).toEqual([{ kind: 'clear' }]);
  });

  it('ignores escape sequences it does not know', () => {
    expect(type(['a', '\x1b[1;5C', 'b']).state.buffer).toBe('ab');
  });
});

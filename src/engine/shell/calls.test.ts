import { describe, expect, it } from 'vitest';
import { apply, createLab } from '../lab.js';
import type { Command } from '../command.js';
import { asPid, SCP_PID } from '../types.js';
import { CALLS, callOfCommand, roleOfCommand } from './calls.js';

describe('the table of calls, one entry per call', () => {
  it('gives each command kind the side of the calls that make it', () => {
    expect(roleOfCommand('sys.socket')).toBe('scp');
    expect(roleOfCommand('lpar.create')).toBe('scp');
    expect(roleOfCommand('channel.send')).toBe('guest');
    expect(roleOfCommand('channel.connectService')).toBe('guest');
    // both sides have an lpar_end: the machine decides per command
    expect(roleOfCommand('lpar.end')).toBe('any');
    expect(roleOfCommand('mem.read')).toBe('any');
    expect(roleOfCommand('call.interrupt')).toBe('any');
  });

  it('names the call a person types for a command', () => {
    expect(callOfCommand('channel.send')).toBe('send');
    expect(callOfCommand('sys.permit')).toBe('permit');
    expect(callOfCommand('mem.read')).toBe('peek');
    expect(callOfCommand('call.interrupt')).toBe('interrupt');
  });

  it('declares each scp-only command on scp calls only, and each guest-only one on guest calls only', () => {
    for (const spec of CALLS) {
      for (const kind of spec.kinds) expect([spec.where, 'any'], `${spec.name} makes ${kind}`).toContain(roleOfCommand(kind));
    }
  });

  it('lets the machine refuse a command from the wrong side, whoever sends it', () => {
    const { state } = createLab();
    const fromGuest: Command = { kind: 'sys.socket', by: asPid(2), domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode: 'vfile' };
    const fromScp: Command = { kind: 'area.reserve', by: SCP_PID, bytes: 4096 };
    const asGuest = apply(state, fromGuest).result;
    const asScp = apply(state, fromScp).result;
    expect(asGuest.ok ? null : asGuest.error.message).toBe('only the system control program may make the system call socket(); A is a guest');
    expect(asScp.ok ? null : asScp.error.message).toBe('area.reserve is a guest call; the system control program talks to guests through sockets');
  });
});

import { describe, expect, it } from 'vitest';
import { apply, createLab } from '../lab.js';
import type { Command, CommandKind } from '../command.js';
import { asPid, SCP_PID } from '../types.js';
import { CALLS, callOfCommand, roleOfCommand } from './calls.js';
import type { Arg, Param } from './args.js';

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

  it('has a call for every command but the interrupt, so callOfCommand names each one', () => {
    // the compiler checks this list is complete: a new command kind must be added here
    const every: { readonly [K in CommandKind]: true } = {
      'area.free': true, 'area.reserve': true, 'call.interrupt': true, 'channel.close': true, 'channel.connect': true, 'channel.connectService': true,
      'channel.recv': true, 'channel.send': true, 'cost.set': true, 'event.connect': true, 'event.poll': true, 'event.port': true, 'event.send': true,
      'lpar.create': true, 'lpar.end': true, 'lpar.limit': true, 'mem.read': true, 'mem.write': true, 'policy.set': true, 'resource.request': true,
      'policy.ask': true, 'resource.answer': true, 'resource.release': true,
      'sched.tick': true, 'shm.connect': true, 'signal.deny': true, 'signal.notify': true, 'signal.permit': true, 'signal.take': true,
      'sys.accept': true, 'sys.bind': true, 'sys.close': true, 'sys.deny': true, 'sys.listen': true, 'sys.msgnew': true, 'sys.open': true,
      'sys.permit': true, 'sys.read': true, 'sys.select': true, 'sys.socket': true, 'sys.unlink': true, 'sys.write': true,
    };
    const made = new Set(CALLS.flatMap((c) => c.kinds));
    const kinds = Object.keys(every) as CommandKind[];
    expect(kinds.filter((k) => !made.has(k))).toEqual(['call.interrupt']);
    for (const kind of kinds.filter((k) => k !== 'call.interrupt')) expect(CALLS.find((c) => c.kinds.includes(kind))!.name, kind).toBe(callOfCommand(kind));
    // the interrupt is Ctrl-C or the command for people of that name
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

  it('makes from any well-typed arguments only the commands its entry declares, and each of them', () => {
    const { state } = createLab();
    const B = { type: 'lpar', pid: asPid(3), name: 'B' } as const;
    // a few arguments of each parameter type, as checkArg would hand them over
    const variants: { readonly [K in Param['type']]: readonly Arg[] } = {
      int: [{ type: 'int', n: 1 }], cycles: [{ type: 'int', n: 1500 }, { type: 'int', n: 0.3 }], str: [{ type: 'str', s: '/msg/A.1' }], addr: [{ type: 'addr', n: 0x100000 }], lpar: [B], guest: [B],
      resource: [{ type: 'resource', r: 'mem' }], limit: [{ type: 'limit', n: 4 }, { type: 'limit', n: null }],
      channel: [{ type: 'channel', n: 3 }], port: [{ type: 'port', n: 2 }], peerPort: [{ type: 'port', n: 2 }], fd: [{ type: 'fd', n: 3 }],
      signal: [{ type: 'signal', n: 1 }], fds: [{ type: 'fds', ns: [3, 4] }], serviceOrGuest: [{ type: 'int', n: 7 }, B],
      pathOrAddr: [{ type: 'str', s: '/msg/A.1' }, { type: 'addr', n: 0x100000 }], sym: [{ type: 'sym', s: 'MSG_MAP' }, { type: 'sym', s: 'true' }],
      request: [{ type: 'request', n: 1 }], ceiling: [{ type: 'int', n: 48 }, { type: 'sym', s: 'ask' }],
    };
    const argLists = (params: readonly Param[]): Arg[][] => params.reduce<Arg[][]>(
      (lists, q) => lists.flatMap((l) => [...variants[q.type].map((a) => [...l, a]), ...(q.optional ? [l] : [])]), [[]]);
    for (const spec of CALLS) {
      const made = new Set<string>();
      for (const pid of spec.where === 'scp' ? [SCP_PID] : spec.where === 'guest' ? [asPid(2)] : [SCP_PID, asPid(2)]) {
        for (const args of argLists(spec.params)) {
          const action = spec.run(args, { pid, name: pid === SCP_PID ? 'scp' : 'A', state });
          if (action.kind !== 'command') continue;
          expect(spec.kinds, `${spec.name}(${JSON.stringify(args)})`).toContain(action.command.kind);
          expect(action.command.by).toBe(pid);
          made.add(action.command.kind);
        }
      }
      expect([...made].sort(), spec.name).toEqual([...spec.kinds].sort());
    }
  });
});

// Waking suspended calls: after every command the machine settles, and each
// partition suspended in a call whose condition now holds returns from it.
// Here wake the calls that wait for a condition of the machine: a guest's recv
// ([0064]), the system control program's accept (S204 (e)), read (S-A (d)) and
// select ([0108]). Calls that wait for a peer's answer to a control signal
// (connect, event_connect, share) are answered where the peer permits or
// denies, in channels/connections.ts, and Ctrl-C ends any wait there too.

import type { FdEntry, MessagePort, Partition, Pid, Result } from './types.js';
import type { Tx } from './tx.js';
import { complete, setWait, shareTables } from './tx.js';
import { takeArrival } from './channels/messages.js';
import { acceptNext, backlogOf } from './kernel/sockets.js';
import { commReady, readyFds, selectResult, takeMessage } from './kernel/io.js';

export function settle(tx: Tx): void {
  // every partition as the command left it, even as the wake-ups change the
  // table (it is shared from here, so it is not written in place); by id, the
  // order of Object.values, without building the list after every command
  shareTables(tx);
  const partitions = tx.s.partitions;
  const end = tx.s.nextPid;
  for (let pid = 1; pid < end; pid++) {
    const p = partitions[pid as Pid];
    if (!p || p.status !== 'active' || !p.wait) continue;
    const result = wakeResult(tx, p);
    if (result === null) continue;
    complete(tx, { pid: p.pid, call: p.wait.call, result });
  }
}

/** The call's result if it can return now (the wait is cleared first), or null to keep waiting. */
function wakeResult(tx: Tx, p: Partition): Result | null {
  const wait = p.wait!;
  const release = () => setWait(tx, p.pid, null);
  switch (wait.call) {
    // A suspended partition makes no call but Ctrl-C (lab.ts), so what it waits
    // on is still there: a guest's port is removed only by its own close or its
    // end (an ended partition is not woken), and only the program closes its fds.
    case 'recv': {
      const port = p.ports[wait.port] as MessagePort;
      if (port.queue.length === 0 && !port.peerClosed) return null;
      release();
      return takeArrival(tx, tx.s.partitions[p.pid]!, wait.port);
    }
    case 'accept': {
      const socket = tx.s.kernel.fds[wait.fd] as Extract<FdEntry, { kind: 'socket' }>;
      if (backlogOf(tx, socket).length === 0) return null;
      release();
      const accepted = acceptNext(tx, socket, true);
      if (accepted) return accepted;
      setWait(tx, p.pid, wait);
      return null;
    }
    case 'read': {
      const comm = tx.s.kernel.fds[wait.fd] as Extract<FdEntry, { kind: 'comm' }>;
      if (!commReady(tx, comm)) return null;
      release();
      return takeMessage(tx, comm, true);
    }
    case 'select': {
      const ready = readyFds(tx, wait.fds);
      if (ready.length === 0) return null;
      release();
      return selectResult(tx, ready);
    }
    case 'connect': case 'event_connect': case 'share': case 'request':
      // answered by permit/deny/accept (or grant/refuse for a request), which end the wait themselves
      return null;
  }
}

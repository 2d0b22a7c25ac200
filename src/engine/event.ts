// Trace events: what the machine did, one micro-step each, tagged with the
// patent step or paragraph it implements, or with one of the lab's own
// extensions (patentMap.ts holds every tag). The UI plans its animation from
// these; the sequence chart draws one arrow per event; tests count the tags.

import type { AreaId, ChanId, FrameNo, PortNo, SigId } from './types.js';
import type { PatentTag } from './patentMap.js';
import type { Narration } from './narration.js';

export type { PatentTag };

/** A lane of the sequence chart: 0 the control OS, -1 the system control program's kernel, else a partition id. */
export type Lane = number;
export const CONTROL_LANE: Lane = 0;
export const KERNEL_LANE: Lane = -1;


export const EVENT_KINDS = [
  'lpar.create', 'lpar.limit', 'lpar.end', 'lp.place', 'lp.stop', 'sched.slice',
  'resource.alloc', 'resource.forward', 'resource.grant', 'resource.reduce', 'resource.deny', 'resource.release',
  'policy.set',
  'signal.queue', 'signal.notify', 'signal.take', 'signal.permit', 'signal.deny', 'signal.drop',
  'event.port', 'event.connect', 'event.raise', 'event.merge', 'event.poll', 'event.close',
  'channel.request', 'channel.forward', 'channel.permit', 'channel.notify', 'channel.refuse',
  'area.reserve', 'area.map', 'message.send', 'area.unmap', 'area.flip', 'message.queue', 'message.event',
  'message.take', 'area.read', 'area.write', 'fault', 'area.discard',
  'port.discard', 'peer.notify', 'peer.discard',
  'shm.request', 'shm.map', 'shm.unmap',
  'call.suspend', 'call.complete', 'call.interrupt', 'call.refuse',
  'cost.set',
  'sys.call', 'sys.return', 'call.wake', 'sock.create', 'sock.bind', 'sock.listen', 'sock.permission', 'sock.accept',
  'sock.close', 'sock.select', 'file.create', 'file.open', 'file.read', 'file.write', 'file.close', 'file.unlink',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface LabEvent {
  /** position in the whole trace, from 0 */
  readonly seq: number;
  /** simulated time in cycles when the micro-step finished */
  readonly at: number;
  /** simulated cycles it cost, from the cost model */
  readonly cost: number;
  readonly tag: PatentTag;
  readonly kind: EventKind;
  readonly from: Lane;
  readonly to: Lane;
  /** what the narration strip and the chart say, as data: `narrate(say)` makes the words */
  readonly say: Narration;
  // what the views need to animate it
  readonly frames?: readonly FrameNo[];
  readonly area?: AreaId;
  readonly page?: number;
  readonly port?: PortNo;
  readonly chan?: ChanId;
  readonly sig?: SigId;
}

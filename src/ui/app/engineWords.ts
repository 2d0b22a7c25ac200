// The words of the engine's view models in the reader's language. The
// engine's views (src/engine/views) describe resources and waits in English
// for lparsh; the page names them from the catalogs by what they are (a
// resource kind, a partition's mode, the call a partition waits in), so the
// engine keeps emitting data and the page formats the words.

import type { CpuMode, Partition, ResourceKind, WaitInfo } from '../../engine/index.ts';
import type { MessageKey, Translate } from '../../i18n/translate.ts';

/** Each resource of [0051] a)-h): its name, its unit and what it counts. */
export const RESOURCE_WORDS: Record<ResourceKind, { readonly label: MessageKey; readonly unit: MessageKey; readonly meaning: MessageKey }> = {
  cpu: { label: 'layers.resource.cpu', unit: 'layers.resource.cpu.unit', meaning: 'layers.resource.cpu.meaning' },
  vaddr: { label: 'layers.resource.vaddr', unit: 'layers.resource.vaddr.unit', meaning: 'layers.resource.vaddr.meaning' },
  mem: { label: 'layers.resource.mem', unit: 'layers.resource.mem.unit', meaning: 'layers.resource.mem.meaning' },
  mgmt: { label: 'layers.resource.mgmt', unit: 'layers.resource.mgmt.unit', meaning: 'layers.resource.mgmt.meaning' },
  events: { label: 'layers.resource.events', unit: 'layers.resource.events.unit', meaning: 'layers.resource.events.meaning' },
  devices: { label: 'layers.resource.devices', unit: 'layers.resource.devices.unit', meaning: 'layers.resource.devices.meaning' },
  cache: { label: 'layers.resource.cache', unit: 'layers.resource.cache.unit', meaning: 'layers.resource.cache.meaning' },
  bus: { label: 'layers.resource.bus', unit: 'layers.resource.bus.unit', meaning: 'layers.resource.bus.meaning' },
};

/** A partition's processor mode [0050], alone ("problem") and with its noun ("problem mode"). */
export const MODE_WORDS: Record<CpuMode, { readonly short: MessageKey; readonly long: MessageKey }> = {
  problem: { short: 'layers.mode.problem.short', long: 'layers.mode.problem' },
  supervisor: { short: 'layers.mode.supervisor.short', long: 'layers.mode.supervisor' },
};

/** What a partition's OS is: the system control OS or a guest OS (Fig. 3). */
export const ROLE_WORDS: Record<Partition['role'], MessageKey> = {
  system: 'layers.role.system',
  guest: 'layers.role.guest',
};

/**
 * What wakes a partition waiting in `wait` (the engine's describeWait says it
 * in English). A connect to a service waits for the program; any other
 * connection request waits for its target, named in the call as typed.
 */
export function waitUntil(t: Translate, wait: WaitInfo): string {
  switch (wait.call) {
    case 'accept': return t('layers.until.accept');
    case 'read': return t('layers.until.read');
    case 'select': return t('layers.until.select');
    case 'recv': return t('layers.until.recv');
    case 'request': return t('layers.until.request');
    case 'connect': case 'event_connect': case 'share': {
      const argument = /\((.*)\)$/.exec(wait.text)?.[1] ?? '';
      return /^\d+$/.test(argument) ? t('layers.until.service') : t('layers.until.peer', { target: argument });
    }
  }
}

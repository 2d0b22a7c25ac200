// The cost model: simulated cycles for each kind of micro-step, so the lab
// can compare a page flip with a copy and with shared memory. The patent
// gives no figures; these defaults come from public measurements on a
// ~3 GHz x86 core and every one can be changed with `cost.set`.

export interface CostModel {
  /** cycles per simulated second, to turn cycles into time for people */
  readonly hz: number;
  /** entering and leaving the control OS (a hypercall / VM exit) */
  readonly hypercall: number;
  /** writing or clearing one page-table entry */
  readonly pteUpdate: number;
  /** invalidating one page in the local TLB */
  readonly tlbLocal: number;
  /** invalidating a page on other processors: an inter-processor interrupt and its acknowledgements */
  readonly tlbShootdown: number;
  /** copying one byte (memcpy) */
  readonly copyPerByte: number;
  /** switching a processor unit from one logical processor to another */
  readonly contextSwitch: number;
  /** raising an event: the receiving OS takes an interrupt [0063] */
  readonly eventDelivery: number;
}

export type CostParam = Exclude<keyof CostModel, 'hz'>;

/**
 * Defaults, each with its public source:
 * - hypercall 1500: VM exit + entry round trips measured at ~1,000-2,500 cycles on
 *   recent Intel/AMD cores (Agesen et al., "Software techniques for avoiding hardware
 *   virtualization exits", USENIX ATC 2012; KVM unit-test vmexit figures).
 * - tlbLocal 300: a single-page INVLPG is ~100 ns (Linux `tlb_single_page_flush_ceiling`
 *   discussion, arch/x86/mm/tlb.c; ~250-350 cycles at 3 GHz).
 * - tlbShootdown 6000: a cross-processor shootdown costs a few microseconds
 *   (Amit et al., "Optimizing the TLB shootdown algorithm with page access tracking",
 *   USENIX ATC 2017: ~2 us and up).
 * - copyPerByte 0.3: memcpy at ~10 GB/s is ~0.3 cycles per byte at 3 GHz; Linux's
 *   MSG_ZEROCOPY documentation puts the break-even of avoiding a copy near 10 KB.
 * - pteUpdate 40: a store to a page-table entry plus its bookkeeping in the hypervisor.
 * - contextSwitch 3000: ~1 us for a switch between address spaces (lmbench lat_ctx order).
 * - eventDelivery 1000: a virtual interrupt injected into the receiving OS.
 */
export const DEFAULT_COSTS: CostModel = {
  hz: 3_000_000_000,
  hypercall: 1500,
  pteUpdate: 40,
  tlbLocal: 300,
  tlbShootdown: 6000,
  copyPerByte: 0.3,
  contextSwitch: 3000,
  eventDelivery: 1000,
};

export const COST_PARAMS: readonly CostParam[] = [
  'hypercall', 'pteUpdate', 'tlbLocal', 'tlbShootdown', 'copyPerByte', 'contextSwitch', 'eventDelivery',
];

/** Unmapping pages from one address space: clear the entries, flush them locally, shoot down remote TLBs if the space runs on several units. */
export function unmapCost(costs: CostModel, pages: number, remoteUnits: boolean): number {
  return pages * (costs.pteUpdate + costs.tlbLocal) + (remoteUnits ? costs.tlbShootdown : 0);
}

export function mapCost(costs: CostModel, pages: number): number {
  return pages * costs.pteUpdate;
}

/** The simulated cost of moving `bytes` three ways, for the flip-vs-copy lesson. */
export function transferCosts(costs: CostModel, bytes: number, remoteUnits: boolean) {
  const pages = Math.max(1, Math.ceil(bytes / 4096));
  const flip = costs.hypercall + unmapCost(costs, pages, remoteUnits) + mapCost(costs, pages) + costs.eventDelivery;
  const copy = costs.hypercall + bytes * costs.copyPerByte + costs.eventDelivery;
  // shared memory: the bytes are written in place; only the doorbell event costs
  const shared = costs.eventDelivery;
  return { flip, copy, shared };
}

/** Message sizes from 64 bytes to 4 MiB, doubling: the x axis of the cost plot. */
export const PLOT_SIZES: readonly number[] = Array.from({ length: 17 }, (_, i) => 64 * 2 ** i);

export interface CostPoint {
  readonly bytes: number;
  readonly flip: number;
  readonly copy: number;
  readonly shared: number;
}

export function costCurve(costs: CostModel, remoteUnits: boolean, sizes: readonly number[] = PLOT_SIZES): CostPoint[] {
  return sizes.map((bytes) => ({ bytes, ...transferCosts(costs, bytes, remoteUnits) }));
}

/**
 * The smallest size at which the flip is cheaper than a copy (bisection on
 * whole bytes up to 64 MiB), or null if copying stays cheaper throughout.
 */
export function crossover(costs: CostModel, remoteUnits: boolean): number | null {
  const cheaper = (bytes: number) => transferCosts(costs, bytes, remoteUnits).flip < transferCosts(costs, bytes, remoteUnits).copy;
  let hi = 64 * 1024 * 1024;
  if (!cheaper(hi)) return null;
  if (cheaper(1)) return 1;
  let lo = 1;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (cheaper(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

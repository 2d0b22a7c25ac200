// The physical frame grid (Figs. 4-5): one cell per frame, coloured and
// lettered by its owner. The test contract: each cell has data-frame and
// data-owner (a partition's name, "free" or "control").

import { useMemo } from 'react';
import type { LabState } from '../../engine/index.ts';
import { framesView } from '../../engine/index.ts';
import { CONTROL_COLOUR, FREE_COLOUR, inkOn, partitionColour } from '../app/palette.ts';

export function ownerColour(state: LabState, owner: string): string {
  if (owner === 'free') return FREE_COLOUR;
  if (owner === 'control') return CONTROL_COLOUR;
  const p = Object.values(state.partitions).find((q) => q.name === owner);
  return p ? partitionColour(p.pid) : FREE_COLOUR;
}

export function FrameGrid({ state }: { state: LabState }) {
  const cells = useMemo(() => framesView(state), [state]);
  return (
    <div className="frame-grid" role="list" aria-label={`physical memory: ${state.frames.count} frames, ${state.frames.free} free`}>
      {cells.map((cell) => {
        const colour = ownerColour(state, cell.owner);
        const label = `frame ${cell.frame}: ${cell.owner}${cell.mappedBy.length ? `, mapped by ${cell.mappedBy.join(', ')}` : ''}`;
        return (
          <div
            key={cell.frame}
            role="listitem"
            className="frame"
            data-frame={cell.frame}
            data-owner={cell.owner}
            title={label}
            aria-label={label}
            style={{ background: colour, color: inkOn(colour) }}
          >
            {cell.owner === 'free' ? '' : cell.owner === 'control' ? '•' : cell.owner.slice(0, 1).toUpperCase()}
          </div>
        );
      })}
    </div>
  );
}

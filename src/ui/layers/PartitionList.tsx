// The partitions (Fig. 3) as a table: mode, state, frames, and each resource
// as used / limit. The full Layers view comes later; this one is plain.

import type { LabState } from '../../engine/index.ts';
import { partitionsView } from '../../engine/index.ts';
import { partitionColour } from '../app/palette.ts';

export function PartitionList({ state }: { state: LabState }) {
  const rows = partitionsView(state);
  return (
    <table className="partitions">
      <caption>Logical partitions (Fig. 3): the control OS runs beneath them in hypervisor mode</caption>
      <thead>
        <tr>
          <th scope="col">id</th>
          <th scope="col">name</th>
          <th scope="col">mode</th>
          <th scope="col">state</th>
          <th scope="col">frames</th>
          <th scope="col">logical CPUs</th>
          <th scope="col">self-allocated mem / limit</th>
          <th scope="col">event ports / limit</th>
          <th scope="col">waiting in</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const res = (r: string) => row.resources.find((x) => x.resource === r)!;
          const show = (r: string) => `${res(r).used} / ${res(r).limit ?? '∞'}`;
          return (
            <tr key={row.pid} data-partition={row.name} className={row.status}>
              <td>{row.pid}</td>
              <td>
                <span className="swatch" style={{ background: partitionColour(row.pid) }} aria-hidden="true" />
                {row.name}
              </td>
              <td>{row.mode}</td>
              <td>{row.status}</td>
              <td>{row.frames}</td>
              <td>{row.logicalProcessors}</td>
              <td>{show('mem')}</td>
              <td>{show('events')}</td>
              <td>{row.waiting ?? '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

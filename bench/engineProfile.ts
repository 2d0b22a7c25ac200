// `npm run bench:engine-profile`: the engine's transfer loop alone for a few
// seconds, for `node --cpu-prof` (the profile lands in test-results/).

import { TransferLab } from './engineBench.ts';
import { runFor } from './stats.ts';

const lab = new TransferLab({ frames: 1024 });
const { count, elapsedMs } = runFor(() => lab.transfer(1), Number(process.env.LPARLAB_PROFILE_MS ?? 4000));
console.log(`${count} transfers in ${elapsedMs.toFixed(0)} ms: ${((elapsedMs * 1000) / count).toFixed(2)} us per transfer`);

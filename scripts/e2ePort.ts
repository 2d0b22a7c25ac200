// The port the end-to-end suite serves the built site on.
//
// A fixed port (4173) with `reuseExistingServer` meant that whatever already
// listened there, another checkout's preview or a stranger's server, was the
// site under test. So the suite takes a port that is free right now, unless
// LPARLAB_E2E_PORT names one, and never reuses a server it did not start.
import { execFileSync } from 'node:child_process';

/** Asks the system for a free loopback port (listen on port 0) and returns its number. */
export function findFreePort(): number {
  // Playwright loads its config synchronously, and a listening socket answers
  // only through the event loop: a short child process does the asking.
  const script =
    "const s=require('node:net').createServer();" +
    "s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();});";
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  const port = Number(out.trim());
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`could not find a free port (got "${out}")`);
  }
  return port;
}

/**
 * The e2e port: LPARLAB_E2E_PORT when set (it must be a port number),
 * otherwise a free one. The choice is written back into `env`, so the
 * Playwright workers, which load the config again in processes started with
 * this environment, agree with the runner on the same port.
 */
export function e2ePort(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.LPARLAB_E2E_PORT;
  if (given !== undefined && given !== '') {
    const port = Number(given);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) {
      throw new Error(`LPARLAB_E2E_PORT must be a port number from 1 to 65535, not "${given}"`);
    }
    return port;
  }
  const port = findFreePort();
  env.LPARLAB_E2E_PORT = String(port);
  return port;
}

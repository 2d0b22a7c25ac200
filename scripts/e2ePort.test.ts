import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { e2ePort, findFreePort } from './e2ePort.ts';

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('e2ePort', () => {
  const saved = process.env.LPARLAB_E2E_PORT;
  afterEach(() => {
    if (saved === undefined) delete process.env.LPARLAB_E2E_PORT;
    else process.env.LPARLAB_E2E_PORT = saved;
    vi.resetModules();
  });

  it('finds a port nothing listens on: a server can bind it', async () => {
    const port = findFreePort();
    const server = await listen(port);
    await close(server);
  });

  it('does not pick a port a stranger already holds, and hands its choice to the workers', async () => {
    const stranger = await listen(0);
    const taken = (stranger.address() as { port: number }).port;
    try {
      const env: NodeJS.ProcessEnv = {};
      const port = e2ePort(env);
      expect(port).not.toBe(taken);
      expect(env.LPARLAB_E2E_PORT).toBe(String(port));
    } finally {
      await close(stranger);
    }
  });

  it('takes LPARLAB_E2E_PORT as given, and refuses one that is not a port', () => {
    expect(e2ePort({ LPARLAB_E2E_PORT: '5105' })).toBe(5105);
    expect(() => e2ePort({ LPARLAB_E2E_PORT: 'x' })).toThrow(/LPARLAB_E2E_PORT must be a port number/);
    expect(() => e2ePort({ LPARLAB_E2E_PORT: '70000' })).toThrow(/LPARLAB_E2E_PORT/);
  });

  it('the Playwright config serves on a free port, not 4173, and never reuses a server it did not start', async () => {
    delete process.env.LPARLAB_E2E_PORT;
    delete process.env.CI;
    const { default: config } = await import('../playwright.config.ts');
    const server = Array.isArray(config.webServer) ? config.webServer[0] : config.webServer;
    expect(server?.reuseExistingServer).toBe(false);
    const port = Number(process.env.LPARLAB_E2E_PORT);
    expect(server?.url).toBe(`http://127.0.0.1:${port}/`);
    expect(config.use?.baseURL).toBe(server?.url);
    expect(server?.command).toContain(`--port ${port} --strictPort`);
  });

  it('the Playwright config serves on LPARLAB_E2E_PORT when it is set', async () => {
    process.env.LPARLAB_E2E_PORT = '5999';
    const { default: config } = await import('../playwright.config.ts');
    expect(config.use?.baseURL).toBe('http://127.0.0.1:5999/');
  });
});

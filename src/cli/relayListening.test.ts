// A relay's server that fails to take a connection (EMFILE: more connections
// than the system gives descriptors for) tells it and goes on serving.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { keepListening } from './relay.ts';

describe('a listening relay server', () => {
  it('says so when it cannot take a connection, however often, and goes on serving', async () => {
    const server = createServer((_req, res) => res.end('up'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const said: string[] = [];
    keepListening(server, (line) => said.push(line));
    const emfile = Object.assign(new Error('accept EMFILE'), { code: 'EMFILE' });
    server.emit('error', emfile);
    server.emit('error', emfile);
    expect(said).toEqual([
      'the relay could not take a connection (EMFILE); it goes on serving the others',
      'the relay could not take a connection (EMFILE); it goes on serving the others',
    ]);
    const { port } = server.address() as AddressInfo;
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('up');
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});

import { it } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';

it('refuses connections to other machines during tests', () => {
  assert.throws(() => net.connect({ host: '93.184.216.34', port: 80 }), /tests may only reach this machine/);
});

it('still allows connections to this machine', async () => {
  const server = net.createServer((socket) => socket.end('hi'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const reply = await new Promise<string>((resolve, reject) => {
    net.connect({ host: '127.0.0.1', port }).on('data', (d) => resolve(String(d))).on('error', reject);
  });
  server.close();
  assert.equal(reply, 'hi');
});

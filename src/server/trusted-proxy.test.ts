import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeHttp, type TestHerd } from './test-app.ts';

// Sign-in failures are counted per client address (HERD_LOGIN_MAX_FAILURES = 1 locks an
// address after 4), so the lock shows which address Herd took a request to come from.
// Each attempt names a new e-mail address, so only the address lock can answer 429.
let attempts = 0;

async function statusesOf(herd: TestHerd, requests: { forwardedFor: string; from: string }[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const { forwardedFor, from } of requests) {
    const response = await herd.app.inject({
      method: 'POST', url: '/api/auth/login', remoteAddress: from, headers: { 'x-forwarded-for': forwardedFor },
      payload: { email: `nobody-${++attempts}@acme.test`, password: 'wrong password', organization: 'acme' },
    });
    statuses.push(response.statusCode);
  }
  return statuses;
}

describeHttp('a trusted proxy', (herd) => {
  it('takes the client from X-Forwarded-For of a request through the proxy', async () => {
    const clients = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4', '203.0.113.5', '203.0.113.6'];
    const behindProxy = await statusesOf(herd(), clients.map((client) => ({ forwardedFor: client, from: '10.1.2.3' })));
    assert.deepEqual(behindProxy, [401, 401, 401, 401, 401, 401], 'six clients behind one proxy are six addresses');
    const oneClient = await statusesOf(herd(), Array.from({ length: 5 }, () => ({ forwardedFor: '198.51.100.7', from: '10.1.2.3' })));
    assert.deepEqual(oneClient, [401, 401, 401, 401, 429], 'one client through the proxy is locked after four');
  });

  it('ignores X-Forwarded-For from anyone else', async () => {
    const spoofed = await statusesOf(herd(), ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4', '192.0.2.5'].map((client) => ({ forwardedFor: client, from: '172.16.0.9' })));
    assert.deepEqual(spoofed, [401, 401, 401, 401, 429], 'a client naming new addresses is still locked');
  });
}, { trustProxy: ['10.0.0.0/8'], loginMaxFailures: 1 });

describeHttp('no trusted proxy (the default)', (herd) => {
  it('ignores X-Forwarded-For', async () => {
    const spoofed = await statusesOf(herd(), ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4', '192.0.2.5'].map((client) => ({ forwardedFor: client, from: '10.1.2.3' })));
    assert.deepEqual(spoofed, [401, 401, 401, 401, 429]);
  });
}, { loginMaxFailures: 1 });

import { describeConnectorContract } from '../connector-contract.ts';
import { createGuardedHttp } from '../http/guarded-http.ts';
import { createBlueskyConnector } from './bluesky.connector.ts';
import { APP_PASSWORD, acme, hiker, startBlueskyTestServer } from './bluesky-test-server.ts';

const connector = createBlueskyConnector({ reconnectBaseMs: 20, pollQuietMs: 200, pollMaxMs: 3000 });
const post = (did: string, rkey: string) => `at://${did}/app.bsky.feed.post/${rkey}`;

for (const [mode, value, expected] of [
  ['search', 'acme', [post(hiker.did, '3lqa2b7xk4s2a'), post(hiker.did, '3lqa2dkq3oc2c'), post(acme.did, '3lqa2ewt6rk2d')]],
  ['author', acme.handle, [post(acme.did, '3lqa2c9mmn22b'), post(acme.did, '3lqa2ewt6rk2d'), post(hiker.did, '3lqa2b7xk4s2a')]],
  ['jetstream', 'acme, summit', [post(hiker.did, '3lqb0000000a1'), post(acme.did, '3lqb0000000a3'), post(hiker.did, '3lqb0000000a4')]],
] as const) {
  describeConnectorContract(`bluesky (${mode})`, async () => {
    const server = await startBlueskyTestServer();
    return {
      connector,
      config: { mode, value, appviewUrl: server.origin, jetstreamUrl: server.jetstreamUrl, intervalSeconds: 60 },
      http: createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 5000 }),
      expectedExternalIds: [...expected],
      reply: {
        config: { mode, value, appviewUrl: server.origin, jetstreamUrl: server.jetstreamUrl, handle: acme.handle, appPassword: APP_PASSWORD, pdsUrl: server.origin },
        publishedCount: () => server.records.size,
      },
      cleanup: () => server.close(),
    };
  });
}

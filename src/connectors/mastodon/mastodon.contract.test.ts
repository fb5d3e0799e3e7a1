import { describeConnectorContract } from '../connector-contract.ts';
import { createGuardedHttp } from '../http/guarded-http.ts';
import { createMastodonConnector } from './mastodon.connector.ts';
import { GOOD_TOKEN, TAG, startMastodonTestServer } from './mastodon-test-server.ts';

const connector = createMastodonConnector({ reconnectBaseMs: 20 });

for (const [label, mode, value, accessToken, expected] of [
  ['hashtag', 'hashtag', TAG, undefined, ['113541000000000001', '113541000000000002', '113541000000000003', '113541000000000004']],
  ['account', 'account', 'acme', undefined, ['113541000000000010', '113541000000000001']],
  ['search', 'search', 'summit', GOOD_TOKEN, ['113541000000000003']],
] as const) {
  describeConnectorContract(`mastodon (${label})`, async () => {
    const server = await startMastodonTestServer();
    return {
      connector,
      config: { instanceUrl: server.origin, mode, value, ...(accessToken && { accessToken }), intervalSeconds: 60 },
      http: createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 5000 }),
      expectedExternalIds: [...expected],
      reply: { config: { instanceUrl: server.origin, mode, value, accessToken: GOOD_TOKEN }, publishedCount: () => server.posted.length },
      cleanup: () => server.close(),
    };
  });
}

import { describeConnectorContract } from '../connector-contract.ts';
import { createGuardedHttp } from '../http/guarded-http.ts';
import { forumIds, retailerBlogIds, reviewSiteIds } from './feed-samples.ts';
import { feedPaths, startFeedTestServer } from './feed-test-server.ts';
import { rssConnector } from './rss.connector.ts';

for (const [format, path, expectedExternalIds] of [
  ['RSS 2.0', feedPaths.rss, retailerBlogIds],
  ['Atom 1.0', feedPaths.atom, reviewSiteIds],
  ['JSON Feed 1.1', feedPaths.json, forumIds],
] as const) {
  describeConnectorContract(`rss (${format})`, async () => {
    const server = await startFeedTestServer();
    return {
      connector: rssConnector,
      config: { url: server.url(path), intervalSeconds: 300 },
      http: createGuardedHttp({ allowHosts: ['127.0.0.1'], timeoutMs: 5000 }),
      expectedExternalIds: [...expectedExternalIds],
      cleanup: () => server.close(),
    };
  });
}

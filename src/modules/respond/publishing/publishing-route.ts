// How a reply reaches the network: through the source's connector where it can write
// (and has what it needs, e.g. an access token), otherwise "copy and open": the person
// copies the text, opens the post, sends it themselves and confirms.
import { connectorFor } from '../../../connectors/index.ts';

export type PublishingRoute = 'api' | 'copy_and_open';

export function publishingRouteOf(sourceKind: string, sourceConfig: Record<string, unknown>): PublishingRoute {
  const connector = connectorFor(sourceKind);
  if (!connector?.reply || !connector.capabilities.includes('reply')) return 'copy_and_open';
  return connector.canReply?.(sourceConfig) === false ? 'copy_and_open' : 'api';
}

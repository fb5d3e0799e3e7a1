// Checks the contract suite itself with an in-memory streaming connector, since the
// first real connector (rss) only polls.
import { Type } from 'typebox';
import type { Connector, Cursor } from './connector.ts';
import { describeConnectorContract } from './connector-contract.ts';
import { createGuardedHttp } from './http/guarded-http.ts';
import { parseWithSchema } from './parse-config.ts';

const MemoryConfig = Type.Object({ messages: Type.Array(Type.String({ minLength: 1 })) }, { additionalProperties: false });

const memoryStream: Connector<{ messages: string[] }> = {
  kind: 'memory-stream',
  displayName: 'In-memory stream',
  capabilities: ['stream'],
  configSchema: MemoryConfig,
  parseConfig: (raw) => parseWithSchema(MemoryConfig, raw),
  async stream(context) {
    const start = typeof context.cursor?.position === 'number' ? context.cursor.position : 0;
    for (let position = start; position < context.config.messages.length && !context.signal.aborted; position++) {
      const cursor: Cursor = { position: position + 1 };
      await context.onPosts([{ externalId: `m${position}`, text: context.config.messages[position]!, raw: { position } }], cursor);
    }
    if (!context.signal.aborted) await new Promise((resolve) => context.signal.addEventListener('abort', resolve, { once: true }));
  },
  async checkHealth() {
    return { ok: true, message: 'nothing to reach' };
  },
};

describeConnectorContract('memory-stream (contract self-test)', async () => ({
  connector: memoryStream,
  config: { messages: ['first', 'second', 'third'] },
  http: createGuardedHttp(),
  expectedExternalIds: ['m0', 'm1', 'm2'],
  cleanup: async () => undefined,
}));

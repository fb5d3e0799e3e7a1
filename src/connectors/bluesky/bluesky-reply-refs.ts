// Where a Bluesky reply hangs in its thread: app.bsky.feed.post's reply.parent is the
// post answered, reply.root the thread's first post (the parent's own root when the
// parent is itself a reply). Both are strong refs (uri + cid), read from the parent as
// the connector stored it: a PostView (search, author feed) or a Jetstream commit.
import { ConnectorError } from '../connector.ts';
import type { JetstreamEvent, PostRecord, PostView } from './bluesky-post.ts';

export interface StrongRef { uri: string; cid: string }
export interface ReplyRefs { root: StrongRef; parent: StrongRef }

export function replyRefsOf(raw: unknown): ReplyRefs {
  const parent = fromPostView(raw) ?? fromJetstream(raw);
  if (!parent) throw new ConnectorError('rejected', 'the post replied to was stored without its uri and cid, which Bluesky needs to thread a reply');
  const root = parent.record?.reply?.root;
  if (root === undefined) return { root: parent.ref, parent: parent.ref };
  if (!isStrongRef(root)) throw new ConnectorError('rejected', "the stored post names its thread's first post without a uri and cid, which Bluesky needs to thread a reply");
  return { root: { uri: root.uri, cid: root.cid }, parent: parent.ref };
}

interface Parent { ref: StrongRef; record: PostRecord | undefined }

function fromPostView(raw: unknown): Parent | undefined {
  if (!isStrongRef(raw)) return undefined;
  return { ref: { uri: raw.uri, cid: raw.cid }, record: (raw as Partial<PostView>).record };
}

function fromJetstream(raw: unknown): Parent | undefined {
  const event = raw as Partial<JetstreamEvent> | null;
  const commit = event?.commit;
  if (typeof event?.did !== 'string' || typeof commit?.collection !== 'string' || typeof commit.rkey !== 'string' || typeof commit.cid !== 'string') return undefined;
  return { ref: { uri: `at://${event.did}/${commit.collection}/${commit.rkey}`, cid: commit.cid }, record: commit.record };
}

function isStrongRef(value: unknown): value is StrongRef {
  const ref = value as Partial<StrongRef> | null;
  return typeof ref?.uri === 'string' && ref.uri.startsWith('at://') && typeof ref.cid === 'string' && ref.cid.length > 0;
}

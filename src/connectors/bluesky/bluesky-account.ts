// A person's own Bluesky account, checked: signing in with the handle and app password
// proves them, and the profile says who the account is (its DID, its handle now) and
// how many follow it. The session is kept (bluesky-sessions.ts) for the posts to come.
import { getProfile, type PdsContext, type Profile } from './bluesky-pds.ts';
import { withSession, type ReplyAccount, type SessionCache } from './bluesky-sessions.ts';

export function verifyBlueskyAccount(context: PdsContext, account: ReplyAccount, sessions: SessionCache): Promise<Profile> {
  return withSession(sessions, context, account, (session) => getProfile(context, session, session.did));
}

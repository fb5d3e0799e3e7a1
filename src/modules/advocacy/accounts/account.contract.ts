// The shapes of the accounts API: declaring an account (followers for reach) or
// connecting one Herd may publish through (Mastodon, Bluesky), and an account as its
// owner sees it. Credentials go in, never out.
import { Type, type Static } from 'typebox';
import { advocateNetworks } from '../advocacy.schema.ts';

const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
const NullableTimestamp = Type.Unsafe<Date | string | null>({ type: ['string', 'null'], format: 'date-time' });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const Handle = Type.String({ minLength: 1, maxLength: 253 });
const Followers = Type.Integer({ minimum: 0, maximum: 2_000_000_000, description: 'how many follow you there, for the reach of your shares' });
const AccessToken = Type.String({ minLength: 1, maxLength: 500, description: 'an access token of an application with the read:accounts and write:statuses scopes (Preferences → Development)' });
const AppPassword = Type.String({ minLength: 1, maxLength: 100, description: 'an app password (Settings → Privacy and security → App passwords), never the account password' });

/** Networks where an account is only declared (handle and followers), and those Herd publishes to through a connected account. */
export const declaredNetworks = ['linkedin', 'x', 'facebook', 'email'] as const;
export const connectedNetworks = ['mastodon', 'bluesky'] as const;

const accountBranches = [
  Type.Object({ network: Type.Enum([...declaredNetworks]), handle: Handle, followers: Followers }),
  Type.Object({ network: Type.Enum(['mastodon']), instanceUrl: Type.String({ minLength: 1, maxLength: 2048, description: 'your Mastodon server, e.g. mastodon.social' }), accessToken: AccessToken }),
  Type.Object({ network: Type.Enum(['bluesky']), handle: Handle, appPassword: AppPassword, pdsUrl: Type.Optional(Type.String({ minLength: 1, maxLength: 2048, description: 'the server hosting the account (default https://bsky.social)' })) }),
];
/** Keyed by `network`: only the branch it names is validated (a plain union would strip fields in the branches tried first). */
export const AccountInput = Type.Unsafe<Static<(typeof accountBranches)[number]>>({ type: 'object', oneOf: accountBranches, discriminator: { propertyName: 'network' }, required: ['network'] });
export type AccountInput = Static<(typeof accountBranches)[number]>;

export const AccountPatch = Type.Object({
  handle: Type.Optional(Handle),
  followers: Type.Optional(Followers),
  accessToken: Type.Optional(AccessToken),
  appPassword: Type.Optional(AppPassword),
}, { description: 'a declared account: handle and followers; a connected one: a new access token (Mastodon) or app password (Bluesky)' });
export type AccountPatch = Static<typeof AccountPatch>;

export const Account = Type.Object({
  id: Type.String({ format: 'uuid' }),
  network: Type.String({ enum: [...advocateNetworks] }),
  handle: Type.String(),
  serverUrl: NullableString,
  externalId: NullableString,
  followers: Type.Integer(),
  followersCheckedAt: NullableTimestamp,
  connected: Type.Boolean({ description: 'Herd holds a credential and publishes your shares through this account' }),
  lastError: NullableString,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const AccountList = Type.Object({ items: Type.Array(Account) });

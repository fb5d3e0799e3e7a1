export interface ApiToken {
  id: string;
  name: string;
  /** The token's first characters, to tell tokens apart; the rest is never shown again. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface CreatedToken {
  /** The secret itself, returned once at creation. */
  token: string;
  apiToken: ApiToken;
}

// The shapes of the listening API: connectors, sources, topics and mentions.
import type { ComponentType } from 'react';

/** One field of a connector's configuration, as JSON schema describes it. */
export interface ConfigProperty {
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  format?: string;
  items?: { type?: string };
  minimum?: number;
  maximum?: number;
}

export interface ConfigSchema {
  properties?: Record<string, ConfigProperty>;
  required?: string[];
}

export interface Connector {
  kind: string;
  displayName: string;
  capabilities: string[];
  configSchema: ConfigSchema;
}

export type SourceStatus = 'active' | 'paused';
export type MatchMode = 'topics' | 'all';

export interface SourceHealth {
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  nextPollAt: string | null;
}

export interface Source {
  id: string;
  kind: string;
  name: string;
  config: Record<string, unknown>;
  status: SourceStatus;
  matchMode: MatchMode;
  health: SourceHealth;
  mentionsPerDay?: { day: string; count: number }[];
  createdAt: string;
  updatedAt: string;
}

export interface SourceInput {
  kind: string;
  name: string;
  config: Record<string, unknown>;
  matchMode: MatchMode;
}

export type SourcePatch = Partial<Pick<Source, 'name' | 'config' | 'status' | 'matchMode'>>;

export interface Topic {
  id: string;
  name: string;
  query: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export type TopicInput = Pick<Topic, 'name' | 'query' | 'active'>;

export interface QuerySyntaxError {
  message: string;
  position: number;
  expected?: string | string[];
}

export type QueryTestResult =
  | { valid: false; error: QuerySyntaxError }
  | {
    valid: true;
    sampled: number;
    matches: {
      mention: Pick<Mention, 'id' | 'text' | 'authorHandle' | 'sourceName' | 'postedAt'>;
      matchedTerms: string[];
    }[];
  };

export interface Mention {
  id: string;
  sourceId: string;
  sourceName: string;
  sourceKind: string;
  externalId: string;
  conversationId: string;
  inReplyToExternalId: string | null;
  authorHandle: string | null;
  authorName: string | null;
  authorFollowers: number | null;
  authorProfileUrl: string | null;
  title: string | null;
  text: string;
  url: string | null;
  site: string | null;
  language: string | null;
  postedAt: string;
  receivedAt: string;
  topicIds: string[];
}

export interface MentionFilters {
  topicId: string;
  sourceId: string;
  language: string;
  from: string;
  to: string;
  q: string;
}

/**
 * What another section shows on each mention card, e.g. triage's verdicts. Features
 * never import each other, so web/src/app hands it to the listening routes. `batch`
 * holds the ids of every mention on the card's page of the stream (the same list for
 * each of them), so the extra can fetch for the whole page in one request.
 */
export type MentionExtra = ComponentType<{ mentionId: string; batch: readonly string[] }>;

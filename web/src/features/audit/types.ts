export interface AuditEvent {
  id: string | number;
  at: string;
  actorPersonId: string | null;
  /** Who acted, as recorded then: a person's name, an API token or "system". */
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  targetLabel: string | null;
  /** The target's state before and after the change (null when created or deleted). */
  before: unknown;
  after: unknown;
}

export interface AuditFilters {
  action: string;
  targetType: string;
  actorPersonId: string;
  /** ISO timestamps bounding `at`. */
  from: string;
  to: string;
}

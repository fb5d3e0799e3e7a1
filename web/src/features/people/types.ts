import type { PersonStatus, Role } from '../../api/vocabulary.ts';

export interface Skill {
  topic: string;
  /** 1 (beginner) to 5 (expert). */
  level: number;
}

/** A weekly opening in the person's time zone: ISO weekday (1 = Monday), "HH:MM" to "HH:MM". */
export interface WorkingHoursSlot {
  day: number;
  start: string;
  end: string;
}

export interface Membership {
  id: string;
  role: Role;
  /** Null when the role holds for the whole organization. */
  spokeId: string | null;
  spokeName: string | null;
}

export interface Person {
  id: string;
  name: string;
  email: string;
  title: string | null;
  /** ISO 639-1 codes, e.g. "en". */
  languages: string[];
  skills: Skill[];
  timeZone: string;
  workingHours: WorkingHoursSlot[];
  /** How many open conversations the person takes at once. */
  capacity: number;
  /** Handle per network, e.g. { mastodon: "@ana@social.example" }. */
  socialHandles: Record<string, string>;
  status: PersonStatus;
  memberships: Membership[];
  createdAt: string;
  updatedAt: string;
}

/** What the create and edit forms send; a password only when creating. */
export type PersonInput = Omit<Person, 'id' | 'memberships' | 'createdAt' | 'updatedAt'> & { password?: string };

export interface PeopleFilters {
  q: string;
  status: PersonStatus | '';
  spokeId: string;
}

export interface MembershipInput {
  personId: string;
  spokeId: string | null;
  role: Role;
}

export interface ImportRow {
  /** Line of the CSV file, counting the header as row 1. */
  row: number;
  status: 'created' | 'updated' | 'invalid';
  personId?: string;
  email?: string;
  problems: { field: string; message: string }[];
}

export interface ImportReport {
  created: number;
  updated: number;
  invalid: number;
  rows: ImportRow[];
}

// The person form edits a draft: every input as typed, lists as rows of strings.
// These two functions translate between a draft and what the API stores.
import type { PersonStatus } from '../../api/vocabulary.ts';
import type { Person, PersonInput } from './types.ts';

export interface PersonDraft {
  name: string;
  email: string;
  title: string;
  /** Comma-separated ISO 639-1 codes, e.g. "en, de". */
  languages: string;
  skills: { topic: string; level: string }[];
  timeZone: string;
  workingHours: { day: string; start: string; end: string }[];
  capacity: string;
  socialHandles: { network: string; handle: string }[];
  status: PersonStatus;
  /** Only asked when creating; empty means the person cannot sign in with a password yet. */
  password: string;
}

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function toDraft(person?: Person): PersonDraft {
  return {
    name: person?.name ?? '',
    email: person?.email ?? '',
    title: person?.title ?? '',
    languages: person?.languages.join(', ') ?? '',
    skills: person?.skills.map((skill) => ({ topic: skill.topic, level: String(skill.level) })) ?? [],
    timeZone: person?.timeZone ?? browserTimeZone(),
    workingHours: person?.workingHours.map((slot) => ({ ...slot, day: String(slot.day) })) ?? [],
    capacity: String(person?.capacity ?? 5),
    socialHandles: Object.entries(person?.socialHandles ?? {}).map(([network, handle]) => ({ network, handle })),
    status: person?.status ?? 'active',
    password: '',
  };
}

export function toInput(draft: PersonDraft): PersonInput {
  return {
    name: draft.name.trim(),
    email: draft.email.trim(),
    title: draft.title.trim() || null,
    languages: draft.languages.split(',').map((code) => code.trim().toLowerCase()).filter(Boolean),
    skills: draft.skills.map((skill) => ({ topic: skill.topic.trim(), level: Number(skill.level) })),
    timeZone: draft.timeZone,
    workingHours: draft.workingHours.map((slot) => ({ ...slot, day: Number(slot.day) })),
    capacity: Number(draft.capacity),
    socialHandles: Object.fromEntries(
      draft.socialHandles.map((row) => [row.network.trim().toLowerCase(), row.handle.trim()]),
    ),
    status: draft.status,
    ...(draft.password && { password: draft.password }),
  };
}

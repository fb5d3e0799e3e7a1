import type { PersonStatus, Role, SpokeKind } from '../../api/vocabulary.ts';

export interface Place {
  address: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface Spoke {
  id: string;
  kind: SpokeKind;
  name: string;
  parentSpokeId: string | null;
  place: Place | null;
  /** Other names people use for it, e.g. "the Leeds store"; triage finds stores by them too. */
  aliases: string[];
  createdAt: string;
  updatedAt: string;
}

/** What the create and edit forms send. */
export interface SpokeInput {
  kind: SpokeKind;
  name: string;
  parentSpokeId: string | null;
  place: Place;
  aliases: string[];
}

export interface SpokeFilters {
  q: string;
  kind: SpokeKind | '';
}

export interface SpokeMember {
  membershipId: string;
  role: Role;
  person: { id: string; name: string; email: string; title: string | null; status: PersonStatus };
}

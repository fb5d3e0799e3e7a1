// The signed-in person's time zone as Herd knows it (their profile): a scheduled share's
// "YYYY-MM-DDTHH:MM" is read in it, and the sharing hours are checked in it.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useSessionPersonId } from '../../../api/session-roles.ts';
import { advocacyKeys } from './advocacy-keys.ts';

export const getTimeZone = (personId: string) => api.get<{ timeZone: string }>(`/people/${encodeURIComponent(personId)}`).then((person) => person.timeZone);

export function useMyTimeZone() {
  const personId = useSessionPersonId();
  return useQuery({ queryKey: advocacyKeys.timeZone(personId ?? ''), queryFn: () => getTimeZone(personId!), enabled: personId !== null, staleTime: 300_000 });
}

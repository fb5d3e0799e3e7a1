import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Person } from '../types.ts';
import { peopleKeys } from './people-keys.ts';

export const getPerson = (id: string) => api.get<Person>(`/people/${encodeURIComponent(id)}`);

export const usePerson = (id: string) => useQuery({ queryKey: peopleKeys.detail(id), queryFn: () => getPerson(id) });

import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';

export interface ConnectionTest {
  ok: boolean;
  message: string;
}

export const testSource = (id: string) => api.post<ConnectionTest>(`/sources/${encodeURIComponent(id)}/test`);

export const useTestSource = (id: string) => useMutation({ mutationFn: () => testSource(id) });

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Session } from '../types.ts';
import { replaceSession } from './get-session.ts';

export interface SignInInput {
  email: string;
  password: string;
  /** The organization's slug; only needed when the e-mail belongs to several. */
  organization?: string;
}

export const signIn = (input: SignInInput) => api.post<Session>('/auth/login', input);

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => replaceSession(queryClient, session),
  });
}

// Process-wide state: the query cache and toasts. A 401 from any request means the
// session ended (expired, signed out elsewhere); dropping it sends the person to sign-in.
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { isApiError } from '../api/client.ts';
import { replaceSession } from '../features/auth/index.ts';
import { ToastProvider } from '../ui/toast.tsx';

const maxRetries = 2;

function createQueryClient(): QueryClient {
  const endSessionIfUnauthenticated = (error: Error) => {
    if (isApiError(error, 'UNAUTHENTICATED')) replaceSession(queryClient, null);
  };
  const queryClient = new QueryClient({
    queryCache: new QueryCache({ onError: endSessionIfUnauthenticated }),
    mutationCache: new MutationCache({ onError: endSessionIfUnauthenticated }),
    defaultOptions: {
      queries: {
        // Asking again will not change a 4xx answer; network trouble and 5xx may pass.
        retry: (failures, error) => failures < maxRetries && !(isApiError(error) && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
  return queryClient;
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}

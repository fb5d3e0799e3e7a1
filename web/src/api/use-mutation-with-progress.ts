// A mutation for long work that reports its progress (imports): TanStack Query's
// mutation, plus the latest { done, total } the server sent while it runs.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { Progress } from './client.ts';

export function useMutationWithProgress<Input, Result>(options: {
  run: (input: Input, onProgress: (progress: Progress) => void) => Promise<Result>;
  onSuccess?: (result: Result) => unknown;
}) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const mutation = useMutation({
    mutationFn: (input: Input) => {
      setProgress(null);
      return options.run(input, setProgress);
    },
    onSuccess: options.onSuccess,
  });
  return { ...mutation, progress };
}

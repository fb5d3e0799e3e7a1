import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { StoryMetadata } from '../types.ts';

/** Reads a page's title, summary, image and site (Open Graph, oEmbed) through the server's guarded fetch. */
export const readStoryMetadata = (url: string) => api.post<StoryMetadata>('/advocacy/story-metadata', { url });

export const useReadStoryMetadata = () => useMutation({ mutationFn: readStoryMetadata });

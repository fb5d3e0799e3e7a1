import { api } from '../../../api/client.ts';
import type { Share } from '../types.ts';

/** One of the signed-in person's shares. */
export const getShare = (shareId: string) => api.get<Share>(`/advocacy/shares/${shareId}`);

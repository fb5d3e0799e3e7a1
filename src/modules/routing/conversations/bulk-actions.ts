// Bulk actions over many conversations: each one is changed on its own, so one that
// fails (someone else's, at capacity) is reported and the others still go through.
import type { Database } from '../../../db/index.ts';
import { AppError, invalid } from '../../../errors.ts';
import type { Actor } from '../../people/index.ts';
import { assignTo, changeConversation, claim, setStatus, transfer } from './conversation-actions.ts';

export interface BulkRequest { conversationIds: string[]; action: 'claim' | 'resolve' | 'waiting' | 'assign' | 'transfer'; personId?: string; spokeId?: string; note?: string }
export interface BulkResult { conversationId: string; ok: boolean; error?: { code: string; message: string } }

function changeFor(request: BulkRequest) {
  switch (request.action) {
    case 'claim': return claim;
    case 'resolve': return setStatus('resolved');
    case 'waiting': return setStatus('waiting');
    case 'assign': return assignTo(request.personId!, request.note);
    case 'transfer': return transfer({ spokeId: request.spokeId, personId: request.personId, note: request.note ?? '' });
  }
}

export async function bulkChange(db: Database, actor: Actor, request: BulkRequest): Promise<BulkResult[]> {
  if ((request.action === 'assign' && !request.personId) || (request.action === 'transfer' && !request.spokeId && !request.personId)) {
    throw invalid([{ field: request.action === 'assign' ? 'body.personId' : 'body.spokeId', message: `is required to ${request.action}` }]);
  }
  const change = changeFor(request);
  const results: BulkResult[] = [];
  for (const conversationId of [...new Set(request.conversationIds)]) {
    try {
      await changeConversation(db, actor, conversationId, change);
      results.push({ conversationId, ok: true });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ conversationId, ok: false, error: { code: error.code, message: error.message } });
    }
  }
  return results;
}

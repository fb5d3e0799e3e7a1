// The approval queue: high-risk replies waiting for a decision the signed-in person
// may take (all of them for PR leads, their spokes' for spoke leads), oldest first,
// a page at a time, refreshed live as replies arrive or are decided elsewhere.
import { Button } from '../../../ui/button.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { useApprovals } from '../api/list-approvals.ts';
import { ApprovalCard } from './approval-card.tsx';
import { useApprovalsLive } from './use-approvals-live.ts';

export function ApprovalsPage() {
  const approvals = useApprovals();
  useApprovalsLive();
  const replies = approvals.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader title="Approvals" description="Replies that need a second look before they go out, oldest first." />
      {approvals.isPending ? <Loading label="Loading the replies that wait for you…" />
        : !approvals.data ? <ErrorState error={approvals.error} onRetry={() => void approvals.refetch()} />
        : (
          <div aria-busy={approvals.isFetching || undefined}>
            {replies.length === 0
              ? <EmptyState title="Nothing waits for your approval.">High-risk replies in the conversations you look after appear here as they are sent.</EmptyState>
              : (
                <ol className="plain-list approval-list">
                  {replies.map((reply) => <li key={reply.id}><ApprovalCard reply={reply} /></li>)}
                </ol>
              )}
            {approvals.isError && <ErrorState error={approvals.error} onRetry={() => void approvals.refetch()} />}
            {approvals.hasNextPage && (
              <div className="paged-table__more">
                <Button onClick={() => void approvals.fetchNextPage()} busy={approvals.isFetchingNextPage}>Load more</Button>
              </div>
            )}
          </div>
        )}
    </>
  );
}

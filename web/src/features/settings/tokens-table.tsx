import { useState } from 'react';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { DateTime } from '../../ui/date-time.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Table, type Column } from '../../ui/table.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useTokens } from './api/list-tokens.ts';
import { useRevokeToken } from './api/revoke-token.ts';
import type { ApiToken } from './types.ts';

function tokenStatus(token: ApiToken): 'Active' | 'Revoked' | 'Expired' {
  if (token.revokedAt) return 'Revoked';
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return 'Expired';
  return 'Active';
}

export function TokensTable() {
  const tokens = useTokens();
  const revokeToken = useRevokeToken();
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const toast = useToast();

  if (tokens.isPending) return <Loading label="Loading API tokens…" />;
  if (tokens.isError) return <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />;
  if (tokens.data.length === 0) return <EmptyState title="No API tokens yet." />;

  const close = () => {
    revokeToken.reset();
    setRevoking(null);
  };
  const revoke = (token: ApiToken) => revokeToken.mutate(token.id, {
    onSuccess: () => {
      toast('Token revoked.');
      close();
    },
  });

  const columns: Column<ApiToken>[] = [
    { header: 'Name', cell: (token) => token.name },
    { header: 'Starts with', cell: (token) => <code>{token.prefix}…</code> },
    { header: 'Created', cell: (token) => <DateTime value={token.createdAt} /> },
    { header: 'Last used', cell: (token) => <DateTime value={token.lastUsedAt} /> },
    { header: 'Expires', cell: (token) => <DateTime value={token.expiresAt} /> },
    { header: 'Status', cell: tokenStatus },
    {
      header: 'Actions',
      cell: (token) => tokenStatus(token) === 'Active' && (
        <Button variant="quiet" onClick={() => setRevoking(token)} aria-label={`Revoke ${token.name}`}>Revoke</Button>
      ),
    },
  ];

  return (
    <>
      <Table caption="API tokens" columns={columns} rows={tokens.data} rowKey={(token) => token.id} />
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this token?"
        confirmLabel="Revoke now"
        onConfirm={() => revoking && revoke(revoking)}
        onClose={close}
        busy={revokeToken.isPending}
        error={revokeToken.error}
      >
        <p>Anything still using “{revoking?.name}” will be refused from now on.</p>
      </ConfirmDialog>
    </>
  );
}

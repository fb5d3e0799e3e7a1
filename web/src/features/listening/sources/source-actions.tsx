// What a hub admin can do with one source: test it, pause or resume it, delete it,
// and import a file into it when it is a file source.
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useDeleteSource } from '../api/delete-source.ts';
import { useTestSource } from '../api/test-source.ts';
import { useUpdateSource } from '../api/update-source.ts';
import type { Source } from '../types.ts';
import { SourceImport } from './source-import.tsx';

function TestResult({ test }: { test: ReturnType<typeof useTestSource> }) {
  if (test.isPending || test.isIdle) return null;
  const ok = test.isSuccess && test.data.ok;
  const message = test.isSuccess ? test.data.message : test.error.message;
  return <p className={ok ? 'source-test source-test--ok' : 'source-test source-test--failed'}>{ok ? '✓ ' : '✕ '}{message}</p>;
}

export function SourceActions({ source }: { source: Source }) {
  const test = useTestSource(source.id);
  const update = useUpdateSource(source.id);
  const remove = useDeleteSource();
  const [confirming, setConfirming] = useState(false);
  const toast = useToast();
  const paused = source.status === 'paused';

  const toggle = () => update.mutate({ status: paused ? 'active' : 'paused' }, {
    onSuccess: () => toast(paused ? `${source.name} resumed.` : `${source.name} paused.`),
    onError: (error) => toast(`Could not change ${source.name}: ${error.message}`),
  });
  const confirmDelete = () => remove.mutate(source.id, {
    onSuccess: () => {
      setConfirming(false);
      toast('Source deleted.');
    },
  });

  return (
    <div className="row-actions" role="group" aria-label={`Actions for ${source.name}`}>
      <div className="row-actions__buttons">
        <Button onClick={() => test.mutate()} busy={test.isPending}>Test connection</Button>
        <Button onClick={toggle} busy={update.isPending}>{paused ? 'Resume' : 'Pause'}</Button>
        <Button variant="danger" onClick={() => setConfirming(true)}>Delete</Button>
      </div>
      <div role="status"><TestResult test={test} /></div>
      {source.kind === 'file' && <SourceImport source={source} />}
      <ConfirmDialog open={confirming} title="Delete this source?" confirmLabel="Delete source"
        onConfirm={confirmDelete} onClose={() => { remove.reset(); setConfirming(false); }}
        busy={remove.isPending} error={remove.error}>
        <p>Herd will stop reading {source.name}. This cannot be undone.</p>
      </ConfirmDialog>
    </div>
  );
}

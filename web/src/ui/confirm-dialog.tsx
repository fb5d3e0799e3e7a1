import type { ReactNode } from 'react';
import { Button } from './button.tsx';
import { Dialog } from './dialog.tsx';
import { ErrorState } from './error-state.tsx';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  /** Label of the button that does it, e.g. "Delete spoke". */
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  busy?: boolean;
  error?: Error | null;
}

/** Asks before something that cannot be undone. */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onClose, busy, error }: ConfirmDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      {error && <ErrorState error={error} />}
      <div className="dialog__body">{children}</div>
      <div className="form__actions">
        <Button variant="danger" onClick={onConfirm} busy={busy}>{confirmLabel}</Button>
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </Dialog>
  );
}

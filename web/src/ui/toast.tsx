// Short confirmations ("Spoke created") in a polite live region, so screen readers
// announce them without moving focus. They disappear by themselves.
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

interface Toast {
  id: number;
  message: string;
}

const ToastContext = createContext<(message: string) => void>(() => {});

const visibleForMs = 5000;
let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const show = useCallback((message: string) => {
    const id = nextId++;
    setToasts((all) => [...all, { id, message }]);
    setTimeout(() => dismiss(id), visibleForMs);
  }, [dismiss]);

  return (
    <ToastContext value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className="toast">
            <span>{toast.message}</span>
            <button type="button" className="toast__dismiss" onClick={() => dismiss(toast.id)} aria-label="Dismiss message">✕</button>
          </div>
        ))}
      </div>
    </ToastContext>
  );
}

export const useToast = () => useContext(ToastContext);

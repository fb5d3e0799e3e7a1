// Response-time clocks: how long until a due time (or how long past it), coloured
// red when overdue and amber inside the last 15 minutes. `useNow` ticks every 30 s.
import { useEffect, useState } from 'react';
import { DateTime } from '../../ui/date-time.tsx';

const amberMs = 15 * 60_000;

export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function formatSpan(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export type SlaState = 'overdue' | 'soon' | 'ok';

export const slaStateOf = (dueAt: string, now: number): SlaState => {
  const left = new Date(dueAt).getTime() - now;
  return left < 0 ? 'overdue' : left < amberMs ? 'soon' : 'ok';
};

export function SlaCountdown({ dueAt, now, label }: { dueAt: string | null; now: number; label?: string }) {
  if (!dueAt) return null;
  const left = new Date(dueAt).getTime() - now;
  const state = slaStateOf(dueAt, now);
  const text = left < 0 ? `overdue ${formatSpan(left)}` : `due in ${formatSpan(left)}`;
  return (
    <span className={`sla sla--${state}`} data-sla={state} title={new Date(dueAt).toLocaleString()}>
      {label && <>{label}: </>}{text}
    </span>
  );
}

export function SlaClocks({ clocks, now }: { clocks: { label: string; dueAt: string | null }[]; now: number }) {
  const running = clocks.filter((clock) => clock.dueAt);
  if (running.length === 0) return <p className="muted">No response-time clock is running.</p>;
  return (
    <dl className="sla-clocks">
      {running.map((clock) => (
        <div key={clock.label}>
          <dt>{clock.label}</dt>
          <dd><SlaCountdown dueAt={clock.dueAt} now={now} /> <span className="muted small">(<DateTime value={clock.dueAt} />)</span></dd>
        </div>
      ))}
    </dl>
  );
}

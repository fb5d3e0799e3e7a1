// A crisis's status and severity as badges, coloured by how much they ask of people.
import { severityLabels, statusLabels, type CrisisSeverity, type CrisisStatus } from '../types.ts';

export const StatusBadge = ({ status }: { status: CrisisStatus }) =>
  <span className={`badge badge--crisis-status-${status}`} data-testid="crisis-status">{statusLabels[status] ?? status}</span>;

export const SeverityBadge = ({ severity }: { severity: CrisisSeverity }) =>
  <span className={`badge badge--crisis-severity-${severity}`}>{severityLabels[severity] ?? severity}</span>;

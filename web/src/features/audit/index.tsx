// The audit log: every change, who made it, and what it changed.
import type { RouteObject } from 'react-router';
import { AuditPage } from './audit-page.tsx';

export const auditRoutes: RouteObject[] = [{ path: '/audit', element: <AuditPage /> }];

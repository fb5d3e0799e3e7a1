// HTTP routes for crisis: the alerts list and acknowledging an alert (hub admins and PR leads).
import type { HerdApp, ModuleContext } from '../../server/herd-module.ts';
import { actorOf } from '../../server/auth.ts';
import { AlertParams, CrisisAlertPage, CrisisAlertQuery, CrisisAlertView } from './crisis.contract.ts';
import { acknowledgeCrisisAlert, listCrisisAlerts } from './crisis-alerts.ts';

const tags = ['crisis'];

export function registerCrisisRoutes(app: HerdApp, { db }: ModuleContext): void {
  app.get('/api/crisis/alerts', { schema: { tags, summary: 'Crisis alerts, newest first, each with its explanation; filter by topic and acknowledged', querystring: CrisisAlertQuery, response: { 200: CrisisAlertPage } } },
    async (request) => listCrisisAlerts(db, actorOf(request), request.query));
  app.post('/api/crisis/alerts/:id/acknowledge', { schema: { tags, summary: 'Acknowledge an alert (audited); again is a no-op that keeps the first acknowledgement', params: AlertParams, response: { 200: CrisisAlertView } } },
    async (request) => acknowledgeCrisisAlert(db, actorOf(request), request.params.id));
}

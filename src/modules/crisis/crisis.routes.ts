// HTTP routes for crisis: the alerts (list, one, acknowledge) and the radar for hub admins
// and PR leads; the settings, read by them and changed by hub admins.
import type { HerdApp, ModuleContext } from '../../server/herd-module.ts';
import { actorOf } from '../../server/auth.ts';
import { AlertParams, CrisisAlertPage, CrisisAlertQuery, CrisisAlertView, CrisisRadar, CrisisSettingsInput, CrisisSettingsView } from './crisis.contract.ts';
import { acknowledgeCrisisAlert, getCrisisAlert, listCrisisAlerts } from './crisis-alerts.ts';
import { crisisRadar } from './crisis-radar.ts';
import { getCrisisSettings, saveCrisisSettings } from './crisis-settings.ts';

const tags = ['crisis'];

export function registerCrisisRoutes(app: HerdApp, { db }: ModuleContext): void {
  app.get('/api/crisis/alerts', { schema: { tags, summary: 'Crisis alerts, newest first, each with its explanation; filter by topic and acknowledged', querystring: CrisisAlertQuery, response: { 200: CrisisAlertPage } } },
    async (request) => listCrisisAlerts(db, actorOf(request), request.query));
  app.get('/api/crisis/alerts/:id', { schema: { tags, summary: 'One crisis alert with its explanation', params: AlertParams, response: { 200: CrisisAlertView } } },
    async (request) => getCrisisAlert(db, actorOf(request), request.params.id));
  app.post('/api/crisis/alerts/:id/acknowledge', { schema: { tags, summary: 'Acknowledge an alert (audited); again is a no-op that keeps the first acknowledgement', params: AlertParams, response: { 200: CrisisAlertView } } },
    async (request) => acknowledgeCrisisAlert(db, actorOf(request), request.params.id));
  app.get('/api/crisis/radar', { schema: { tags, summary: 'Where each active listening topic stands now: mentions against the baseline, events going on, open alerts; loudest first', response: { 200: CrisisRadar } } },
    async (request) => crisisRadar(db, actorOf(request)));
  app.get('/api/crisis/settings', { schema: { tags, summary: 'The detectors\' settings (resolved), topic overrides, who is told and the escalation', response: { 200: CrisisSettingsView } } },
    async (request) => getCrisisSettings(db, actorOf(request)));
  app.put('/api/crisis/settings', { schema: { tags, summary: 'Change the crisis settings (hub admins, audited); fields left out stay, detectors are laid over the saved ones', body: CrisisSettingsInput, response: { 200: CrisisSettingsView } } },
    async (request) => saveCrisisSettings(db, actorOf(request), request.body));
}

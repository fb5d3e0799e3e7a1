import type { HerdModule } from '../../server/herd-module.ts';
import { registerTriageRoutes } from './triage.routes.ts';
import { triageJobs } from './triage.jobs.ts';

export const triageModule: HerdModule = {
  name: 'triage',
  registerRoutes: registerTriageRoutes,
  jobs: triageJobs,
};

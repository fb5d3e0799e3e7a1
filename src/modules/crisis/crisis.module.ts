// The crisis module as the app sees it: the alerts routes and the job that watches triaged mentions.
import type { HerdModule } from '../../server/herd-module.ts';
import { registerCrisisRoutes } from './crisis.routes.ts';
import { crisisJobs } from './crisis.jobs.ts';

export const crisisModule: HerdModule = {
  name: 'crisis',
  registerRoutes: registerCrisisRoutes,
  jobs: crisisJobs,
};

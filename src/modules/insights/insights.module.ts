// The insights module as the app sees it: the dashboards' routes and the jobs that keep
// the rollups current and send the weekly digests.
import type { HerdModule } from '../../server/herd-module.ts';
import { registerInsightsRoutes } from './insights.routes.ts';
import { insightsJobs } from './insights.jobs.ts';

export const insightsModule: HerdModule = {
  name: 'insights',
  registerRoutes: registerInsightsRoutes,
  jobs: insightsJobs,
};

import type { HerdModule } from '../../server/herd-module.ts';
import { registerRoutingRoutes } from './routing.routes.ts';
import { registerNotificationRoutes } from './notifications/index.ts';
import { registerLiveRoutes } from './live/index.ts';
import { routingJobs } from './routing.jobs.ts';

export const routingModule: HerdModule = {
  name: 'routing',
  registerRoutes(app, context) {
    registerRoutingRoutes(app, context);
    registerNotificationRoutes(app, context);
    registerLiveRoutes(app, context);
  },
  jobs: routingJobs,
};

// The crisis module as the app sees it: the alerts routes and the job that watches triaged mentions.
import type { HerdModule } from '../../server/herd-module.ts';
import { registerCrisisRoutes } from './crisis.routes.ts';
import { crisisJobs } from './crisis.jobs.ts';
import { registerCrisisRoomRoutes } from './room/crisis-room.routes.ts';

export const crisisModule: HerdModule = {
  name: 'crisis',
  registerRoutes: (app, context) => { registerCrisisRoutes(app, context); registerCrisisRoomRoutes(app, context); },
  jobs: crisisJobs,
};

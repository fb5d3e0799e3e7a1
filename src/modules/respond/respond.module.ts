import type { HerdModule } from '../../server/herd-module.ts';
import { registerRespondRoutes } from './respond.routes.ts';
import { publishReplyJob } from './publishing/publish-reply.job.ts';

export const respondModule: HerdModule = {
  name: 'respond',
  registerRoutes: registerRespondRoutes,
  jobs: [publishReplyJob],
};

import type { HerdApp, HerdModule, ModuleContext } from '../../server/herd-module.ts';
import { registerLinkRoutes } from './links/link.routes.ts';
import { registerStoryAndShareRoutes } from './advocacy.routes.ts';
import { openScheduledShareJob } from './shares/open-scheduled-share.job.ts';
import { publishShareJob } from './shares/publish-share.job.ts';
import { registerAccountRoutes } from './accounts/account.routes.ts';
import { registerRecognitionRoutes } from './recognition/recognition.routes.ts';
import { recognitionJobs } from './recognition/recognition.jobs.ts';
import { registerMeasurementRoutes } from './measurement/measurement.routes.ts';
import { registerVoiceRoutes } from './voice/voice.routes.ts';
import { registerStoryFeedRoutes } from './feeds/story-feed.routes.ts';
import { pollStoryFeedJob } from './feeds/poll-story-feed.job.ts';

function registerAdvocacyRoutes(app: HerdApp, context: ModuleContext): void {
  registerLinkRoutes(app, context);
  registerStoryAndShareRoutes(app, context);
  registerAccountRoutes(app, context);
  registerRecognitionRoutes(app, context);
  registerMeasurementRoutes(app, context);
  registerVoiceRoutes(app, context);
  registerStoryFeedRoutes(app, context);
}

export const advocacyModule: HerdModule = {
  name: 'advocacy',
  registerRoutes: registerAdvocacyRoutes,
  jobs: [openScheduledShareJob, publishShareJob, ...recognitionJobs, pollStoryFeedJob],
};

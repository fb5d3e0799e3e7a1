import type { HerdModule } from '../../server/herd-module.ts';
import { registerListeningRoutes } from './listening.routes.ts';

export const listeningModule: HerdModule = {
  name: 'listening',
  registerRoutes: registerListeningRoutes,
};

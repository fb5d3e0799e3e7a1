import type { HerdModule } from '../../server/herd-module.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { registerDirectoryRoutes } from './directory.routes.ts';

export const peopleModule: HerdModule = {
  name: 'people',
  registerRoutes(app, context) {
    registerAuthRoutes(app, context);
    registerDirectoryRoutes(app, context);
  },
};

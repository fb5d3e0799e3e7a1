// The demo's one route: whether the signed-in person's organization has a demo stream
// and whether it runs, for the web app's "Demo data" banner. Anyone signed in to the
// organization may ask; it tells only about their own organization.
import { Type } from 'typebox';
import type { HerdApp, HerdModule, ModuleContext } from '../server/herd-module.ts';
import { actorOf } from '../server/auth.ts';
import { demoStreamOf } from './demo-stream.ts';
import { demoStreamStatuses } from './demo-stream.schema.ts';

const DemoStatus = Type.Object({
  stream: Type.Union([
    Type.Object({
      status: Type.Enum([...demoStreamStatuses]),
      postsSent: Type.Integer({ minimum: 0 }),
      nextPostAt: Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' }),
    }),
    Type.Null(),
  ], { description: 'null when the organization has no demo stream' }),
});

function registerDemoRoutes(app: HerdApp, { db }: ModuleContext): void {
  app.get('/api/demo/status', { schema: { tags: ['demo'], summary: 'The organization\'s demo stream of made-up posts, if it has one: running or stopped, and how many it sent', response: { 200: DemoStatus } } },
    async (request) => ({ stream: (await demoStreamOf(db, actorOf(request).orgId)) ?? null }));
}

/** The demo as the app sees it: its status route. Its stream runs in src/main.ts, beside the other workers. */
export const demoModule: HerdModule = { name: 'demo', registerRoutes: registerDemoRoutes };

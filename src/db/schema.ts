// Every module's tables in one place, for drizzle-kit (migrations) and the typed client.
// Modules never import each other's tables: this file is plumbing, not an API.
export * from '../modules/people/people.schema.ts';
export * from '../modules/listening/listening.schema.ts';
export * from '../modules/triage/triage.schema.ts';
export * from '../jobs/jobs.schema.ts';
export * from '../modules/routing/routing.schema.ts';
export * from '../modules/respond/respond.schema.ts';
export * from '../modules/advocacy/advocacy.schema.ts';
export * from '../modules/crisis/crisis.schema.ts';
export * from '../demo/demo-stream.schema.ts';
export * from '../modules/crisis/room/crisis-room.schema.ts';
export * from '../modules/insights/insights.schema.ts';

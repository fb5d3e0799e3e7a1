// HTTP routes for spokes, people, memberships, the CSV import and the audit log.
import { Type } from 'typebox';
import type { HerdApp, ModuleContext } from '../../server/herd-module.ts';
import { actorOf } from '../../server/auth.ts';
import {
  IdParams, Membership, MembershipInput, Page, Person, PersonInput, PersonListQuery, PersonPatch,
  Spoke, SpokeInput, SpokeListQuery, SpokeMember, SpokePatch, ListQuery,
} from './people.contract.ts';
import { createSpoke, deleteSpoke, getSpoke, listSpokeMembers, listSpokes, updateSpoke } from './spokes.ts';
import { addMembership, createPerson, deletePerson, getPerson, listPeople, removeMembership, updatePerson } from './directory.ts';
import { importPeopleCsv } from './people-csv-import.ts';
import { requireAccess } from './access.ts';
import { sendWithProgress, wantsProgress } from '../../server/progress-response.ts';
import { listAuditEvents } from './audit-log.ts';

const FieldProblem = Type.Object({ field: Type.String(), message: Type.String() });
const ImportReport = Type.Object({
  created: Type.Integer(), updated: Type.Integer(), invalid: Type.Integer(),
  rows: Type.Array(Type.Object({
    row: Type.Integer(), status: Type.String(), personId: Type.Optional(Type.String()), email: Type.Optional(Type.String()), problems: Type.Array(FieldProblem),
  })),
});
const AuditEvent = Type.Object({
  id: Type.Integer(), at: Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' }), actorPersonId: Type.Union([Type.String(), Type.Null()]),
  actorLabel: Type.String(), action: Type.String(), targetType: Type.String(), targetId: Type.Union([Type.String(), Type.Null()]),
  targetLabel: Type.Union([Type.String(), Type.Null()]), before: Type.Unknown(), after: Type.Unknown(),
});
const AuditQuery = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 100 })), targetType: Type.Optional(Type.String({ maxLength: 100 })),
  targetId: Type.Optional(Type.String({ maxLength: 100 })), actorPersonId: Type.Optional(Type.String({ format: 'uuid' })),
  from: Type.Optional(Type.String({ format: 'date-time' })), to: Type.Optional(Type.String({ format: 'date-time' })), ...ListQuery,
});

export function registerDirectoryRoutes(app: HerdApp, { db, config }: ModuleContext): void {
  const settings = { passwordCost: config.passwordCost };

  app.get('/api/spokes', { schema: { tags: ['spokes'], summary: 'List and search spokes', querystring: SpokeListQuery, response: { 200: Page(Spoke) } } },
    async (request) => listSpokes(db, actorOf(request), request.query));
  app.post('/api/spokes', { schema: { tags: ['spokes'], summary: 'Create a spoke', body: SpokeInput, response: { 201: Spoke } } },
    async (request, reply) => reply.status(201).send(await createSpoke(db, actorOf(request), request.body)));
  app.get('/api/spokes/:id', { schema: { tags: ['spokes'], summary: 'One spoke', params: IdParams, response: { 200: Spoke } } },
    async (request) => getSpoke(db, actorOf(request), request.params.id));
  app.patch('/api/spokes/:id', { schema: { tags: ['spokes'], summary: 'Change a spoke', params: IdParams, body: SpokePatch, response: { 200: Spoke } } },
    async (request) => updateSpoke(db, actorOf(request), request.params.id, request.body));
  app.delete('/api/spokes/:id', { schema: { tags: ['spokes'], summary: 'Remove a spoke', params: IdParams } }, async (request, reply) => {
    await deleteSpoke(db, actorOf(request), request.params.id);
    return reply.status(204).send();
  });
  app.get('/api/spokes/:id/members', { schema: { tags: ['spokes'], summary: 'People with a role in a spoke', params: IdParams, response: { 200: Type.Object({ items: Type.Array(SpokeMember) }) } } },
    async (request) => listSpokeMembers(db, actorOf(request), request.params.id));

  app.get('/api/people', { schema: { tags: ['people'], summary: 'List and search people', querystring: PersonListQuery, response: { 200: Page(Person) } } },
    async (request) => listPeople(db, actorOf(request), request.query));
  app.post('/api/people', { schema: { tags: ['people'], summary: 'Add a person', body: PersonInput, response: { 201: Person } } },
    async (request, reply) => reply.status(201).send(await createPerson(db, settings, actorOf(request), request.body)));
  app.post('/api/people/import', {
    bodyLimit: config.importLimitBytes,
    schema: { tags: ['people'], summary: 'Import people from CSV (content-type text/csv), with a report per row', description: 'With `Accept: application/x-ndjson` the answer streams `{"progress":{"done","total"}}` lines, then `{"result": <report>}` or `{"status", "error"}`.', response: { 200: ImportReport } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const csv = String(request.body ?? '');
    if (!wantsProgress(request)) return importPeopleCsv(db, settings, actor, csv);
    // Refused before the answer starts, so a refusal keeps its HTTP status.
    requireAccess(actor, 'people.manage');
    return sendWithProgress(request, reply, (onProgress) => importPeopleCsv(db, settings, actor, csv, (done, total) => onProgress({ done, total })));
  });
  app.get('/api/people/:id', { schema: { tags: ['people'], summary: 'One person', params: IdParams, response: { 200: Person } } },
    async (request) => getPerson(db, actorOf(request), request.params.id));
  app.patch('/api/people/:id', { schema: { tags: ['people'], summary: 'Change a person', params: IdParams, body: PersonPatch, response: { 200: Person } } },
    async (request) => updatePerson(db, settings, actorOf(request), request.params.id, request.body));
  app.delete('/api/people/:id', { schema: { tags: ['people'], summary: 'Remove a person', params: IdParams } }, async (request, reply) => {
    await deletePerson(db, actorOf(request), request.params.id);
    return reply.status(204).send();
  });

  app.post('/api/memberships', { schema: { tags: ['people'], summary: 'Give a person a role in a spoke or organization-wide', body: MembershipInput, response: { 201: Membership } } },
    async (request, reply) => reply.status(201).send(await addMembership(db, actorOf(request), request.body)));
  app.delete('/api/memberships/:id', { schema: { tags: ['people'], summary: 'Take a role away', params: IdParams } }, async (request, reply) => {
    await removeMembership(db, actorOf(request), request.params.id);
    return reply.status(204).send();
  });

  app.get('/api/audit', { schema: { tags: ['audit'], summary: 'The audit log, newest first (hub admins)', querystring: AuditQuery, response: { 200: Page(AuditEvent) } } },
    async (request) => listAuditEvents(db, actorOf(request), request.query));
}

// People: organizations, spokes (departments, business units, stores, regions),
// people with their skills, languages and hours, roles, sign-in, API tokens and the
// audit log. Every other module finds people and records audit entries through here.
export { peopleModule } from './people.module.ts';
export { can, requireAccess, systemActor, type Actor, type Role, type RoleGrant, type Permission } from './access.ts';
export { recordAudit, type AuditEntry } from './audit-log.ts';
export { signIn, signOut, resumeSession, actorOfPerson, type SessionSettings, type SessionView } from './sign-in.ts';
export { authenticateApiToken } from './api-tokens.ts';
export { csrfTokenFor, sameSecret } from './secret-tokens.ts';
export { createOrganization, findOrganizationBySlug, countOrganizations, deleteOrganization } from './organizations.ts';
export { createSpoke, findSpokeByName, listSpokes, listStorePlaces, type SpokeView } from './spokes.ts';
export { createPerson, updatePerson, findPersonByEmail, listPeople, addMembership, type PersonView } from './directory.ts';
export { importPeopleCsv, type PeopleImportReport } from './people-csv-import.ts';
export { hashPassword } from './passwords.ts';
export { spokeKinds, roles, personStatuses } from './people.schema.ts';
export { personLeft } from './people.events.ts';
export { membersOfSpokes, leadsOf, peopleWithOrgRole, peopleWithSkill, staffByIds, spokeNamesOf, type StaffMember } from './staff-directory.ts';
export { spokeMembershipsOf, type SpokeMembership } from './spoke-memberships.ts';

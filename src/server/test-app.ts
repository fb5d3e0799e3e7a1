// For HTTP tests: an app on a clean database (see db/test-database.ts), and small
// factories that make an organization with people in given roles and sign them in
// through the real login route, so tests act exactly as a browser would.
import { describe, before, after } from 'node:test';
import { loadConfig, type Config } from '../config/index.ts';
import { createTestDatabase, testDrivers } from '../db/test-database.ts';
import type { HerdDatabase } from '../db/index.ts';
import { addMembership, createOrganization, createPerson, systemActor, type Role } from '../modules/people/index.ts';
import { buildApp } from './app.ts';
import { createGuardedHttp } from '../connectors/index.ts';
import type { HerdApp } from './herd-module.ts';

export const TEST_PASSWORD = 'correct horse battery';

export function testConfig(overrides: Partial<Config> = {}): Config {
  // The lowest scrypt cost keeps sign-ins fast in tests; production uses the default.
  return loadConfig({}, { logLevel: 'silent', passwordCost: 10, seedDemo: false, ...overrides });
}

export interface SignedIn {
  personId: string;
  orgId: string;
  email: string;
  cookie: string;
  csrfToken: string;
  /** Headers for a request as this person; writes carry the CSRF token. */
  headers: Record<string, string>;
}

export interface TestHerd {
  app: HerdApp;
  database: HerdDatabase;
  config: Config;
  /** Makes an organization (once per slug) and a person in it with the given role, signed in. */
  signInAs(role: Role | 'none', options?: { org?: string; spokeId?: string | null; email?: string }): Promise<SignedIn>;
  orgIdOf(slug: string): Promise<string>;
}

export async function createTestHerd(database: HerdDatabase, overrides: Partial<Config> = {}): Promise<TestHerd> {
  const config = testConfig(overrides);
  const app = await buildApp({ config, database, http: createGuardedHttp({ allowHosts: ['127.0.0.1', '::1'] }) });
  const orgs = new Map<string, Promise<string>>();
  let counter = 0;
  const orgIdOf = (slug: string) => {
    if (!orgs.has(slug)) orgs.set(slug, createOrganization(database.db, { slug, name: `Org ${slug}` }).then((o) => o.id));
    return orgs.get(slug)!;
  };
  const signInAs: TestHerd['signInAs'] = async (role, options = {}) => {
    const orgId = await orgIdOf(options.org ?? 'acme');
    const system = systemActor(orgId);
    const email = options.email ?? `${role}-${++counter}@${options.org ?? 'acme'}.test`;
    const person = await createPerson(database.db, { passwordCost: config.passwordCost }, system, { name: `${role} ${counter}`, email, password: TEST_PASSWORD });
    if (role !== 'none') await addMembership(database.db, system, { personId: person.id, spokeId: options.spokeId ?? null, role });
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD, organization: options.org ?? 'acme' } });
    if (response.statusCode !== 200) throw new Error(`test sign-in failed: ${response.body}`);
    const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrfToken = response.json().csrfToken as string;
    return { personId: person.id, orgId, email, cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
  };
  return { app, database, config, signInAs, orgIdOf };
}

/** Declares tests once per database driver, each run with its own app and clean database. */
export function describeHttp(title: string, body: (herd: () => TestHerd) => void, overrides: Partial<Config> = {}): void {
  for (const driver of testDrivers()) {
    describe(`${title} [${driver}]`, () => {
      let herd: TestHerd | undefined;
      before(async () => {
        herd = await createTestHerd(await createTestDatabase(driver), overrides);
      });
      after(async () => {
        await herd?.app.close();
        await herd?.database.close();
      });
      body(() => {
        if (!herd) throw new Error('the test app is not ready yet');
        return herd;
      });
    });
  }
}

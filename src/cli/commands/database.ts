// Commands that open the configured database, do one thing and close it again.
import { withDatabase } from './with-database.ts';
import { addUser, type UserAddOptions } from './user-add.ts';
import { runImport, type ImportCommandOptions } from './import-mentions.ts';

export async function migrateCommand(): Promise<void> {
  await withDatabase(async () => undefined);
  console.log('Migrations applied; the database is up to date.');
}

export async function userAddCommand(options: UserAddOptions): Promise<void> {
  const result = await withDatabase((db, config) => addUser(db, { passwordCost: config.passwordCost }, options));
  const where = options.spoke ? ` in ${options.spoke}` : '';
  if (result.createdOrganization) console.log(`Created the organization ${options.orgName} (${options.org}).`);
  console.log(`${result.createdPerson ? 'Created' : 'Found'} ${options.email} in ${options.org}; `
    + `${result.addedRole ? 'added' : 'already had'} the role ${options.role}${where}.`);
  if (result.generatedPassword) console.log(`Password (shown only this once): ${result.generatedPassword}`);
}

export async function importCommand(file: string, options: ImportCommandOptions): Promise<void> {
  await runImport((work) => withDatabase((db) => work(db)), file, options);
}

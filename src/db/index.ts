// Database plumbing shared by every module: opening PGlite or Postgres, migrations, paging.
export { openDatabase, redactUrl, type Database, type HerdDatabase, type DatabaseDriver, type DatabaseTarget } from './client.ts';
export { migrateDatabase } from './migrate.ts';
export { encodeCursor, decodeCursor, containsPattern } from './pagination.ts';
export { isUniqueViolation } from './postgres-errors.ts';
export { insertRows, type InsertRowsOptions, type RowToInsert } from './insert-rows.ts';
export { keepTablesTidy, type TableUpkeep } from './table-upkeep.ts';

// The 'file' connector: mentions imported from CSV or JSON Lines files (an export
// from another tool, a survey, a spreadsheet), through `herd import` or an upload on
// the Sources page. Herd never reads from it on its own, so it has no capabilities.
import { Type } from 'typebox';
import type { Connector } from '../connector.ts';
import { parseWithSchema } from '../parse-config.ts';

export const FileConfigSchema = Type.Object(
  { description: Type.Optional(Type.String({ maxLength: 500, title: 'Description', description: 'Where the imported files come from.' })) },
  { additionalProperties: false },
);

export interface FileConfig { description?: string }

export const fileConnector: Connector<FileConfig> = {
  kind: 'file',
  displayName: 'File import (CSV, JSON Lines)',
  capabilities: [],
  configSchema: FileConfigSchema,
  parseConfig: (raw: unknown): FileConfig => parseWithSchema(FileConfigSchema, raw ?? {}),
  async checkHealth() {
    return { ok: true, message: 'Nothing to reach: mentions arrive by importing files.' };
  },
};

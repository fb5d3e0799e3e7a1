import type { Database } from '../db/index.ts';
export const DEMO_PASSWORD = 'herd-demo-2026';
export const DEMO_ORG_SLUG = 'acme-retail';
export async function seedAcmeRetail(_db: Database, _settings: { passwordCost: number }): Promise<{ created: boolean; signIns: { role: string; email: string }[] }> {
  throw new Error('placeholder: being written');
}

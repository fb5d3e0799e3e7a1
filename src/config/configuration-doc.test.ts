import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describeSettings } from './index.ts';

it('docs/configuration.md lists exactly the settings of the catalogue', () => {
  const doc = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
  assert.ok(doc.includes(describeSettings()), 'regenerate docs/configuration.md from `npx herd config`');
});

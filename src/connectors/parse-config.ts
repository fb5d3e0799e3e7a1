// Turns a connector's raw configuration into its typed form with the connector's
// TypeBox schema, so the schema shown in forms and docs is the one enforced.
import { Value } from 'typebox/value';
import type { Static, TSchema } from 'typebox';
import { invalid, type FieldProblem } from '../errors.ts';

/** Checks raw against schema (defaults applied); throws VALIDATION_FAILED with one problem per field, named `config.<path>`. */
export function parseWithSchema<S extends TSchema>(schema: S, raw: unknown): Static<S> {
  const value = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? Value.Default(schema, structuredClone(raw)) : raw;
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const error of Value.Errors(schema, value)) {
    // additionalProperties is reported twice (once per extra key, once on the object); keep the clearer one.
    if (error.keyword === 'boolean') continue;
    const extra = error.keyword === 'additionalProperties' ? (error.params as { additionalProperties?: string[] }).additionalProperties : undefined;
    if (extra?.length) {
      for (const key of extra) add(`${error.instancePath}/${key}`, 'is not a known setting');
      continue;
    }
    const missing = error.keyword === 'required' ? (error.params as { requiredProperties?: string[] }).requiredProperties : undefined;
    if (missing?.length) {
      for (const key of missing) add(`${error.instancePath}/${key}`, 'is required');
      continue;
    }
    add(error.instancePath, error.message);
  }
  if (problems.length > 0) throw invalid(problems);
  return value as Static<S>;

  function add(instancePath: string, message: string) {
    const field = ['config', ...instancePath.split('/').filter(Boolean)].join('.');
    const key = `${field}\n${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ field, message });
  }
}

/** Extra checks a schema cannot express; throws the same VALIDATION_FAILED shape. */
export function requireHttpUrl(value: string, field: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid([{ field, message: 'must be an absolute URL such as https://example.com/feed.xml' }]);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid([{ field, message: 'must start with http:// or https://' }]);
  if (url.username || url.password) throw invalid([{ field, message: 'must not contain a user name or password' }]);
  return url;
}

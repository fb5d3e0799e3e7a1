import { settings, type Config, type Setting } from './settings.ts';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Herd cannot start, the configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads every setting, and fails with all problems listed at once rather than the first. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(settings) as [string, Setting<unknown>][]) {
    if (key in overrides) {
      values[key] = overrides[key as keyof Config];
      continue;
    }
    const raw = env[setting.env]?.trim() || setting.default;
    if (raw === undefined) {
      values[key] = undefined;
      continue;
    }
    try {
      values[key] = setting.parse(raw);
    } catch (error) {
      problems.push(`${setting.env} ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return values as Config;
}

/** The catalogue as Markdown, for `herd config` and docs/configuration.md. */
export function describeSettings(): string {
  const rows = Object.values(settings as Record<string, Setting<unknown>>).map(
    (s) => `| \`${s.env}\` | ${s.default === undefined ? '(unset)' : `\`${s.default}\``} | ${s.unit} | ${s.doc} |`,
  );
  return ['| variable | default | unit | what it does |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

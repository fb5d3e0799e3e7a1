// Herd's settings: one typed catalogue read from the environment and checked at start.
export { loadConfig, describeSettings, ConfigError } from './load-config.ts';
export { settings, type Config, type ProcessRole } from './settings.ts';

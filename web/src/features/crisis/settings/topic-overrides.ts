// A topic's own detector settings, as the overrides editor shows them: per detector,
// whether it follows every topic, is off, or is on with its own sensitivity, and its own
// minimum volume. Whatever else an override holds (set through the API) is kept.
import { sensitivities, type CrisisSettings, type DetectorSettingName, type DetectorSettings, type Sensitivity } from '../types.ts';

export type TopicOverrides = CrisisSettings['topicOverrides'];
export type DetectorOverride = Partial<DetectorSettings>;

/** `inherit`: as for every topic; `on`: on with every topic's sensitivity. */
export type DetectorChoice = 'inherit' | 'off' | 'on' | Sensitivity;

export const detectorChoiceLabels: Record<DetectorChoice, string> = {
  inherit: 'As for every topic', off: 'Off', on: 'On', low: 'On, low sensitivity', medium: 'On, medium sensitivity', high: 'On, high sensitivity',
};

export function choiceOf(override: DetectorOverride | undefined): DetectorChoice {
  if (override?.enabled === false) return 'off';
  if (override?.sensitivity) return override.sensitivity;
  return override?.enabled === true ? 'on' : 'inherit';
}

/** The override with the choice made; an override left empty is dropped. */
export function withChoice(override: DetectorOverride | undefined, choice: DetectorChoice): DetectorOverride | undefined {
  const { enabled: _enabled, sensitivity: _sensitivity, ...rest } = override ?? {};
  const chosen: DetectorOverride = choice === 'inherit' ? rest
    : choice === 'off' ? { ...rest, enabled: false }
    : choice === 'on' ? { ...rest, enabled: true }
    : { ...rest, enabled: true, sensitivity: choice };
  return Object.keys(chosen).length > 0 ? chosen : undefined;
}

/** The minimum volume as typed: empty follows every topic; anything else goes to the server, which names a bad one. */
export function withMinVolume(override: DetectorOverride | undefined, typed: string): DetectorOverride | undefined {
  const { minVolume: _minVolume, ...rest } = override ?? {};
  const chosen = typed.trim() === '' ? rest : { ...rest, minVolume: Number(typed) };
  return Object.keys(chosen).length > 0 ? chosen : undefined;
}

export function withDetector(overrides: TopicOverrides, topicId: string, detector: DetectorSettingName, override: DetectorOverride | undefined): TopicOverrides {
  const { [detector]: _old, ...others } = overrides[topicId] ?? {};
  return { ...overrides, [topicId]: override ? { ...others, [detector]: override } : others };
}

export const isChoice = (value: string): value is DetectorChoice => value === 'inherit' || value === 'off' || value === 'on' || (sensitivities as readonly string[]).includes(value);

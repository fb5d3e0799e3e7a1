// The settings of one topic's detectors: for each, whether it runs, how sensitive it is,
// the least volume it needs, its cool-down (how long it must stay quiet before a new
// event can raise a new alert) and its warm-up (no alerts until it has this much
// history). What a sensitivity means is written beside each detector, where it is used.

export type Sensitivity = 'low' | 'medium' | 'high';
export const sensitivities: readonly Sensitivity[] = ['low', 'medium', 'high'];

export interface DetectorSettings {
  enabled: boolean;
  sensitivity: Sensitivity;
  /** The least volume an alert needs; each detector says what it counts. */
  minVolume: number;
  /** After an alert, the detector must stay below its threshold this long before the event is over. */
  cooldownMinutes: number;
  /** Hours of history (from the topic's first mention) before the detector may alert. */
  warmUpHours: number;
}

export interface WindowedDetectorSettings extends DetectorSettings {
  /** The sliding window the detector counts in. */
  windowMinutes: number;
}

export interface TriggerWordSettings extends WindowedDetectorSettings {
  /** Words and phrases, any case and accents; a trailing `*` matches any ending ("recall*" finds "recalled"). */
  words: string[];
}

export interface HighReachSettings extends WindowedDetectorSettings {
  /** Followers from which an author counts as high-reach; null takes the sensitivity's threshold. */
  minFollowers: number | null;
}

export interface CrisisDetectorSettings {
  /** Mentions per minute against the seasonal baseline; minVolume: mentions since the rise began. */
  volume: DetectorSettings;
  /** Share of negative mentions; minVolume: mentions in the window. */
  negativity: WindowedDetectorSettings;
  /** Share of one category; minVolume: mentions of that category in the window. */
  category: WindowedDetectorSettings;
  /** Mentions with a trigger word; minVolume: mentions with the same word in the window. */
  triggerWords: TriggerWordSettings;
  /** A negative post by a high-reach author; minVolume: such posts by the author in the window. */
  highReach: HighReachSettings;
}

export const DEFAULT_TRIGGER_WORDS: readonly string[] = [
  'recall*', 'data breach', 'breach*', 'hacked', 'leaked', 'boycott*', 'lawsuit*', 'sue', 'sued', 'suing', 'class action',
  'food poisoning', 'contaminat*', 'fraud*', 'scandal*', 'racis*', 'discriminat*', 'injur*', 'outage',
];

export const DEFAULT_DETECTOR_SETTINGS: CrisisDetectorSettings = {
  // A week of warm-up: the weekly seasonality has been seen once before the first alert.
  volume: { enabled: true, sensitivity: 'medium', minVolume: 10, cooldownMinutes: 60, warmUpHours: 168 },
  negativity: { enabled: true, sensitivity: 'medium', minVolume: 20, cooldownMinutes: 120, warmUpHours: 48, windowMinutes: 30 },
  category: { enabled: true, sensitivity: 'medium', minVolume: 10, cooldownMinutes: 120, warmUpHours: 48, windowMinutes: 30 },
  triggerWords: { enabled: true, sensitivity: 'medium', minVolume: 3, cooldownMinutes: 360, warmUpHours: 24, windowMinutes: 60, words: [...DEFAULT_TRIGGER_WORDS] },
  // No warm-up by default: the followers threshold is absolute, it learns nothing.
  highReach: { enabled: true, sensitivity: 'medium', minVolume: 1, cooldownMinutes: 360, warmUpHours: 0, windowMinutes: 60, minFollowers: null },
};

export type CrisisDetectorSettingsInput = { [K in keyof CrisisDetectorSettings]?: Partial<CrisisDetectorSettings[K]> };

/** The defaults with `input` laid over them, checked: a RangeError names every field that is wrong. */
export function resolveDetectorSettings(input: CrisisDetectorSettingsInput = {}): CrisisDetectorSettings {
  const settings = {} as Record<keyof CrisisDetectorSettings, DetectorSettings & Record<string, unknown>>;
  const problems: string[] = [];
  for (const name of Object.keys(DEFAULT_DETECTOR_SETTINGS) as (keyof CrisisDetectorSettings)[]) {
    const merged = { ...DEFAULT_DETECTOR_SETTINGS[name], ...(input[name] ?? {}) } as DetectorSettings & Record<string, unknown>;
    const check = (field: string, ok: boolean, expected: string) => {
      if (!ok) problems.push(`${name}.${field} must be ${expected}, got ${JSON.stringify(merged[field])}`);
    };
    check('enabled', typeof merged.enabled === 'boolean', 'true or false');
    check('sensitivity', sensitivities.includes(merged.sensitivity), 'low, medium or high');
    check('minVolume', Number.isInteger(merged.minVolume) && merged.minVolume >= 1, 'a whole number ≥ 1');
    check('cooldownMinutes', isNumberAtLeast(merged.cooldownMinutes, 0), 'a number of minutes ≥ 0');
    check('warmUpHours', isNumberAtLeast(merged.warmUpHours, 0), 'a number of hours ≥ 0');
    if ('windowMinutes' in merged) check('windowMinutes', Number.isInteger(merged.windowMinutes) && (merged.windowMinutes as number) >= 1 && (merged.windowMinutes as number) <= 24 * 60, 'whole minutes from 1 to 1440');
    if ('words' in merged) check('words', Array.isArray(merged.words) && merged.words.every((word) => typeof word === 'string'), 'a list of words');
    if ('minFollowers' in merged) check('minFollowers', merged.minFollowers === null || isNumberAtLeast(merged.minFollowers, 1), 'null or a number ≥ 1');
    settings[name] = merged;
  }
  if (problems.length > 0) throw new RangeError(`Crisis detector settings: ${problems.join('; ')}`);
  return settings as unknown as CrisisDetectorSettings;
}

const isNumberAtLeast = (value: unknown, least: number) => typeof value === 'number' && Number.isFinite(value) && value >= least;

export const minutes = (count: number) => count * 60_000;
export const hours = (count: number) => count * 3_600_000;

// The crisis settings as the form edits them (numbers and word lists typed as text)
// and back to what the server takes. Topic overrides are edited as they are stored
// (topic-overrides.ts) and sent whole: the server replaces them.
import { linesOf, textOfLines } from '../../../ui/text-lines.ts';
import { detectorSettingNames, type CrisisSettings, type CrisisSettingsInput, type DetectorSettingName, type DetectorSettings, type Sensitivity } from '../types.ts';

export interface DetectorDraft {
  enabled: boolean;
  sensitivity: Sensitivity;
  minVolume: string;
  cooldownMinutes: string;
  warmUpHours: string;
  /** Absent for a detector without a window (volume). */
  windowMinutes?: string;
  /** High reach only; empty: the sensitivity's threshold. */
  minFollowers?: string;
}

export interface SettingsDraft {
  detectors: Record<DetectorSettingName, DetectorDraft>;
  triggerWords: string;
  recipientIds: string[];
  channelIds: string[];
  escalateAfterMinutes: string;
  escalateToIds: string[];
  topicOverrides: CrisisSettings['topicOverrides'];
}

function detectorDraftOf(settings: DetectorSettings): DetectorDraft {
  return {
    enabled: settings.enabled,
    sensitivity: settings.sensitivity,
    minVolume: String(settings.minVolume),
    cooldownMinutes: String(settings.cooldownMinutes),
    warmUpHours: String(settings.warmUpHours),
    ...(settings.windowMinutes !== undefined && { windowMinutes: String(settings.windowMinutes) }),
    ...(settings.minFollowers !== undefined && { minFollowers: settings.minFollowers === null ? '' : String(settings.minFollowers) }),
  };
}

export function settingsDraftOf(settings: CrisisSettings): SettingsDraft {
  return {
    detectors: Object.fromEntries(detectorSettingNames.map((name) => [name, detectorDraftOf(settings.detectors[name])])) as Record<DetectorSettingName, DetectorDraft>,
    triggerWords: textOfLines(settings.detectors.triggerWords.words ?? []),
    recipientIds: settings.recipientIds,
    channelIds: settings.channelIds,
    escalateAfterMinutes: String(settings.escalateAfterMinutes),
    escalateToIds: settings.escalateToIds,
    topicOverrides: settings.topicOverrides,
  };
}

/** Numbers as typed; what is not a number goes to the server as it is, which names the field. */
const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

function detectorOf(draft: DetectorDraft): Partial<DetectorSettings> {
  return {
    enabled: draft.enabled,
    sensitivity: draft.sensitivity,
    minVolume: numberOf(draft.minVolume),
    cooldownMinutes: numberOf(draft.cooldownMinutes),
    warmUpHours: numberOf(draft.warmUpHours),
    ...(draft.windowMinutes !== undefined && { windowMinutes: numberOf(draft.windowMinutes) }),
    ...(draft.minFollowers !== undefined && { minFollowers: draft.minFollowers.trim() === '' ? null : numberOf(draft.minFollowers) }),
  };
}

export function settingsInputOf(draft: SettingsDraft): CrisisSettingsInput {
  const detectors = Object.fromEntries(detectorSettingNames.map((name) => [name, detectorOf(draft.detectors[name])])) as Record<DetectorSettingName, Partial<DetectorSettings>>;
  detectors.triggerWords.words = linesOf(draft.triggerWords, { commas: true });
  return {
    detectors,
    recipientIds: draft.recipientIds,
    channelIds: draft.channelIds,
    escalateAfterMinutes: numberOf(draft.escalateAfterMinutes),
    escalateToIds: draft.escalateToIds,
    topicOverrides: draft.topicOverrides,
  };
}

// An organization's crisis settings as stored (one JSON document per organization), and
// what each topic's detectors run from them: the organization's detector settings laid
// over the core's defaults, and a topic's override laid over those, field by field.
// Pure: the feed reads the document once per batch and asks here per topic.
import { resolveDetectorSettings, type CrisisDetectorSettings, type CrisisDetectorSettingsInput } from './detectors/detector-settings.ts';
import { TriggerWordMatcher } from './detectors/trigger-word-matcher.ts';

export interface StoredCrisisSettings {
  /** What the hub set, laid over the core's defaults (DEFAULT_DETECTOR_SETTINGS). */
  detectors: CrisisDetectorSettingsInput;
  /** Per topic id: laid over `detectors`. */
  topicOverrides: Record<string, CrisisDetectorSettingsInput>;
  /** People told of every alert besides the hub admins and organization-wide PR leads. */
  recipientIds: string[];
  /** Routing's notification channels (Slack- or Teams-compatible webhooks) every alert is posted to. */
  channelIds: string[];
  /** Minutes an alert may wait for an acknowledgement before the escalation list is told. */
  escalateAfterMinutes: number;
  /** Told when nobody acknowledged in time; empty: every hub admin. */
  escalateToIds: string[];
}

export const DEFAULT_CRISIS_SETTINGS: StoredCrisisSettings = {
  detectors: {}, topicOverrides: {}, recipientIds: [], channelIds: [], escalateAfterMinutes: 15, escalateToIds: [],
};

/** The saved document over the defaults: a field added after an organization saved takes its default. */
export function crisisSettingsFrom(saved: Partial<StoredCrisisSettings> | undefined): StoredCrisisSettings {
  return { ...DEFAULT_CRISIS_SETTINGS, ...saved };
}

/** `over` laid on `base` detector by detector, field by field. */
export function layDetectorSettings(base: CrisisDetectorSettingsInput, over: CrisisDetectorSettingsInput | undefined): CrisisDetectorSettingsInput {
  if (!over) return base;
  const laid: Record<string, object> = { ...base };
  for (const [name, fields] of Object.entries(over)) laid[name] = { ...laid[name], ...fields };
  return laid as CrisisDetectorSettingsInput;
}

export interface TopicDetectorSettings {
  settings: CrisisDetectorSettings;
  /** Shared by every topic with the same trigger words, so a mention is read once per list of words. */
  triggerWordMatcher: TriggerWordMatcher;
}

/** Matchers by their words, across organizations and batches: most topics run the default list. */
const matchers = new Map<string, TriggerWordMatcher>();
const MAX_MATCHERS = 256;

function matcherFor(words: readonly string[]): TriggerWordMatcher {
  const key = JSON.stringify(words);
  let matcher = matchers.get(key);
  if (!matcher) {
    if (matchers.size >= MAX_MATCHERS) matchers.clear();
    matcher = new TriggerWordMatcher(words);
    matchers.set(key, matcher);
  }
  return matcher;
}

/** The settings each topic's detectors run with, resolved once per topic for one batch (or one tick, or one radar). */
export function topicSettingsResolver(settings: StoredCrisisSettings): (topicId: string) => TopicDetectorSettings {
  const resolved = new Map<string, TopicDetectorSettings>();
  const organization = resolveDetectorSettings(settings.detectors);
  const shared: TopicDetectorSettings = { settings: organization, triggerWordMatcher: matcherFor(organization.triggerWords.words) };
  return (topicId) => {
    const override = settings.topicOverrides[topicId];
    if (!override) return shared;
    let topic = resolved.get(topicId);
    if (!topic) {
      const own = resolveDetectorSettings(layDetectorSettings(settings.detectors, override));
      topic = { settings: own, triggerWordMatcher: matcherFor(own.triggerWords.words) };
      resolved.set(topicId, topic);
    }
    return topic;
  };
}

// Crisis: the radar that watches each topic's mention stream for volume and negativity
// spikes, category surges, trigger words and loud negative voices, and explains every
// alert; alert delivery, the crisis room and pausing advocacy build on these detectors.
export { crisisModule } from './crisis.module.ts';
export { watchTriagedMentions, OLDEST_MENTION_FED_MS, type CrisisWatchReport } from './watch-triaged-mentions.ts';
export { listCrisisAlerts, acknowledgeCrisisAlert } from './crisis-alerts.ts';
export { TopicDetector, TOPIC_DETECTOR_SNAPSHOT_VERSION, type TopicDetectorOptions, type TopicDetectorSnapshot, type TopicLevel } from './detectors/topic-detector.ts';
export type { CrisisMention } from './detectors/crisis-mention.ts';
export type { CrisisAlert, CrisisDetectorKind } from './detectors/crisis-alert.ts';
export {
  resolveDetectorSettings,
  DEFAULT_DETECTOR_SETTINGS,
  DEFAULT_TRIGGER_WORDS,
  sensitivities,
  type CrisisDetectorSettings,
  type CrisisDetectorSettingsInput,
  type Sensitivity,
} from './detectors/detector-settings.ts';
export { TriggerWordMatcher } from './detectors/trigger-word-matcher.ts';

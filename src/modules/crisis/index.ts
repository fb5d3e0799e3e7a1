// Crisis: the radar that watches each topic's mention stream for volume and negativity
// spikes, category surges, trigger words and loud negative voices, and explains every
// alert, tells the hub and PR leads (and escalates when nobody acknowledges), under each
// organization's settings; the crisis room and pausing advocacy build on these alerts.
export { crisisModule } from './crisis.module.ts';
export { watchTriagedMentions, OLDEST_MENTION_FED_MS, type CrisisWatchReport } from './watch-triaged-mentions.ts';
export { listCrisisAlerts, getCrisisAlert, acknowledgeCrisisAlert } from './crisis-alerts.ts';
export { crisisRadar, type RadarTopic } from './crisis-radar.ts';
export { getCrisisSettings, saveCrisisSettings } from './crisis-settings.ts';
export { tickCrisisClocks, type CrisisTick } from './crisis-tick.ts';
export { escalateCrisisAlert } from './alert-escalation.ts';
export { openCrisis, changeCrisis, type CrisisInput, type CrisisPatch } from './room/crisis-changes.ts';
export { listCrises, getCrisis, type CrisisView, type CrisisSummary } from './room/crisis-records.ts';
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

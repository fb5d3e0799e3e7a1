// The advocacy settings as the form edits them (numbers typed as text) and back.
import type { AdvocacySettings, PointAction } from '../types.ts';

export interface SettingsDraft {
  points: Record<PointAction, string>;
  leaderboards: boolean;
  costPerClick: string;
  costPerThousandImpressions: string;
  currency: string;
  publicVoiceEnabled: boolean;
  publicVoiceTitle: string;
  maxSharesPerPersonPerDay: string;
  maxSharesPerStoryPerHour: string;
  sharingStart: string;
  sharingEnd: string;
  identicalTextWindowMinutes: string;
  paused: boolean;
  pausedReason: string;
}

export function settingsDraftOf(settings: AdvocacySettings): SettingsDraft {
  const { points, earnedMediaValue: emv } = settings;
  return {
    points: { share: String(points.share), click: String(points.click), story_approved: String(points.story_approved), helpful_answer: String(points.helpful_answer) },
    leaderboards: settings.leaderboards,
    costPerClick: String(emv.costPerClick),
    costPerThousandImpressions: String(emv.costPerThousandImpressions),
    currency: emv.currency,
    publicVoiceEnabled: settings.publicVoice.enabled,
    publicVoiceTitle: settings.publicVoice.title,
    maxSharesPerPersonPerDay: String(settings.maxSharesPerPersonPerDay),
    maxSharesPerStoryPerHour: String(settings.maxSharesPerStoryPerHour),
    sharingStart: settings.sharingHours.start,
    sharingEnd: settings.sharingHours.end,
    identicalTextWindowMinutes: String(settings.identicalTextWindowMinutes),
    paused: settings.paused,
    pausedReason: settings.pausedReason ?? '',
  };
}

/** Numbers as typed; what is not a number goes to the server as it is, which names the field. */
const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

export function settingsOf(draft: SettingsDraft): AdvocacySettings {
  return {
    points: {
      share: numberOf(draft.points.share), click: numberOf(draft.points.click),
      story_approved: numberOf(draft.points.story_approved), helpful_answer: numberOf(draft.points.helpful_answer),
    },
    leaderboards: draft.leaderboards,
    earnedMediaValue: { costPerClick: numberOf(draft.costPerClick), costPerThousandImpressions: numberOf(draft.costPerThousandImpressions), currency: draft.currency.trim().toUpperCase() },
    publicVoice: { enabled: draft.publicVoiceEnabled, title: draft.publicVoiceTitle.trim() },
    maxSharesPerPersonPerDay: numberOf(draft.maxSharesPerPersonPerDay),
    maxSharesPerStoryPerHour: numberOf(draft.maxSharesPerStoryPerHour),
    sharingHours: { start: draft.sharingStart, end: draft.sharingEnd },
    identicalTextWindowMinutes: numberOf(draft.identicalTextWindowMinutes),
    paused: draft.paused,
    pausedReason: draft.paused ? draft.pausedReason.trim() || null : null,
  };
}

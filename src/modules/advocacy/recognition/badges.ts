// The badges, defined in code: what each is called and what earns it. Each is earned
// once, for good (advocacy_badges keeps the day it was won); they mark steps anyone can
// take — a first share, a first click, an approved idea, answers to customers, more
// than one network — rather than only rewarding the biggest sharers.

/** What a person has done so far, all time, that badges look at. */
export interface RecognitionStats {
  /** Shares that went out (opened or published). */
  shares: number;
  /** Distinct networks shared to. */
  networks: number;
  /** Clicks their shares earned: unique visitors per share and day. */
  clicks: number;
  /** Stories they suggested that a lead approved. */
  storiesApproved: number;
  /** Their replies to customers that were published. */
  helpfulAnswers: number;
}

export interface Badge {
  id: string;
  name: string;
  /** What earns it, as shown to people. */
  earnedBy: string;
  earned(stats: RecognitionStats): boolean;
}

export const badges: readonly Badge[] = [
  { id: 'first-share', name: 'First share', earnedBy: 'Shared a story for the first time.', earned: (s) => s.shares >= 1 },
  { id: 'ten-shares', name: 'Regular voice', earnedBy: 'Shared 10 stories.', earned: (s) => s.shares >= 10 },
  { id: 'first-click', name: 'First click', earnedBy: 'Someone followed a link you shared.', earned: (s) => s.clicks >= 1 },
  { id: 'hundred-clicks', name: 'Crowd puller', earnedBy: 'Your shares earned 100 clicks (unique visitors a day).', earned: (s) => s.clicks >= 100 },
  { id: 'story-scout', name: 'Story scout', earnedBy: 'A story you suggested was approved.', earned: (s) => s.storiesApproved >= 1 },
  { id: 'helpful-hand', name: 'Helpful hand', earnedBy: '5 of your replies to customers were published.', earned: (s) => s.helpfulAnswers >= 5 },
  { id: 'three-networks', name: 'Across networks', earnedBy: 'Shared on 3 different networks.', earned: (s) => s.networks >= 3 },
];

export const badgeById = new Map(badges.map((badge) => [badge.id, badge]));

/** The ids of the badges these stats earn. */
export const badgesEarned = (stats: RecognitionStats): string[] => badges.filter((badge) => badge.earned(stats)).map((badge) => badge.id);

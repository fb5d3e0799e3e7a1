import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CrisisAlert } from './crisis-alert.ts';
import type { CrisisMention } from './crisis-mention.ts';
import type { CrisisDetectorSettingsInput } from './detector-settings.ts';
import { syntheticMentions, type SyntheticStreamOptions } from './synthetic-mention-stream.ts';
import { TopicDetector, type TopicDetectorSnapshot } from './topic-detector.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A Monday, 00:00 UTC. */
const MONDAY = Date.UTC(2026, 0, 5);

/** A seeded stream with few high-reach authors (none above 50,000 followers in practice). */
const stream = (options: Partial<SyntheticStreamOptions>) =>
  [...syntheticMentions({ seed: 1, start: MONDAY, days: 14, meanPerHour: 120, medianFollowers: 200, followersSpread: 1, ...options })];

const detectorFor = (settings: CrisisDetectorSettingsInput = {}) => new TopicDetector({ organizationId: 'org-1', topicId: 'topic-1', settings });

function run(detector: TopicDetector, mentions: Iterable<CrisisMention>): CrisisAlert[] {
  const alerts: CrisisAlert[] = [];
  for (const mention of mentions) alerts.push(...detector.observe(mention));
  return alerts;
}

const kinds = (alerts: CrisisAlert[]) => alerts.map((alert) => alert.detector);

describe('TopicDetector on quiet streams', () => {
  for (const seed of [1, 2, 3]) {
    it(`raises nothing on three weeks of an ordinary seasonal stream (seed ${seed})`, () => {
      const alerts = run(detectorFor(), stream({ seed, days: 21, meanPerHour: 60 }));
      assert.deepEqual(alerts.map((alert) => alert.summary), []);
    });
  }

  for (const growthPerDay of [0.01, -0.01]) {
    it(`raises nothing while the brand ${growthPerDay > 0 ? 'grows' : 'shrinks'} 1% a day for five weeks`, () => {
      const alerts = run(detectorFor(), stream({ seed: 4, days: 35, meanPerHour: 60, growthPerDay }));
      assert.deepEqual(alerts.map((alert) => alert.summary), []);
    });
  }
});

/** Mentions written for a test, merged into a stream by time. */
function withMentions(mentions: CrisisMention[], extra: Partial<CrisisMention>[]): CrisisMention[] {
  const made = extra.map((fields, index) => ({ id: `extra-${index}`, at: MONDAY, sentiment: 'neutral' as const, category: null, ...fields }));
  return [...mentions, ...made].sort((a, b) => a.at - b.at);
}

/** Wednesday of the second week, 14:00 UTC: a busy afternoon after the week of warm-up. */
const SPIKE_START = MONDAY + 9 * DAY + 14 * HOUR;

describe('volume spikes', () => {
  const base = { seed: 5, days: 11, meanPerHour: 120 };

  it('an injected 3× spike raises one volume alert within ten minutes, and the alert explains itself', () => {
    const mentions = stream({ ...base, spikes: [{ start: SPIKE_START, minutes: 90, multiplier: 3 }] });
    const alerts = run(detectorFor(), mentions);
    assert.deepEqual(kinds(alerts), ['volume']);
    const alert = alerts[0]!;
    assert.equal(alert.organizationId, 'org-1');
    assert.equal(alert.topicId, 'topic-1');
    assert.ok(alert.at > SPIKE_START && alert.at - SPIKE_START <= 10 * MINUTE, `detected after ${(alert.at - SPIKE_START) / MINUTE} minutes`);
    // The window starts where the rise began (the CUSUM's run), give or take a few minutes.
    assert.ok(Math.abs(alert.window.start - SPIKE_START) <= 5 * MINUTE, `window from ${new Date(alert.window.start).toISOString()}`);
    assert.equal(alert.window.end, alert.at);
    assert.equal(alert.metric, 'mentions');
    assert.ok(alert.observed > 2 * alert.baseline, `${alert.observed} against ${alert.baseline}`);
    assert.ok(alert.score >= alert.threshold);
    assert.equal(alert.sensitivity, 'medium');
    assert.match(alert.test, /CUSUM/);
    assert.match(alert.summary, /^\d+ mentions in the \d+ minutes since .* against [\d.]+ expected for this time of the week \([\d.]+×/);
    const byId = new Map(mentions.map((mention) => [mention.id, mention]));
    assert.equal(alert.sampleMentionIds.length, 5);
    for (const id of alert.sampleMentionIds) {
      const at = byId.get(id)!.at;
      assert.ok(at >= alert.window.start && at <= alert.window.end, 'samples come from the window');
    }
  });

  it('a spike lasting six hours is one alert, not one per window', () => {
    const alerts = run(detectorFor(), stream({ ...base, spikes: [{ start: SPIKE_START, minutes: 360, multiplier: 3 }] }));
    assert.deepEqual(kinds(alerts), ['volume']);
  });

  const twoSpikes = [{ start: SPIKE_START, minutes: 30, multiplier: 3 }, { start: SPIKE_START + 90 * MINUTE, minutes: 30, multiplier: 3 }];
  for (const { cooldownMinutes, expected } of [{ cooldownMinutes: 120, expected: 1 }, { cooldownMinutes: 10, expected: 2 }]) {
    it(`two spikes an hour apart raise ${expected} alert${expected > 1 ? 's' : ''} with a cool-down of ${cooldownMinutes} minutes`, () => {
      const alerts = run(detectorFor({ volume: { cooldownMinutes } }), stream({ ...base, spikes: twoSpikes }));
      assert.deepEqual(kinds(alerts), new Array(expected).fill('volume'));
    });
  }

  // A small topic (about 6 mentions an hour, 9 at that time of day) quadrupling for an hour: about 40 to 50 mentions.
  for (const { minVolume, expected } of [{ minVolume: 10, expected: 1 }, { minVolume: 80, expected: 0 }]) {
    it(`a small topic's spike of about 40 mentions ${expected ? 'alerts' : 'stays quiet'} with a minimum volume of ${minVolume}`, () => {
      const alerts = run(detectorFor({ volume: { minVolume } }), stream({ ...base, meanPerHour: 6, spikes: [{ start: SPIKE_START, minutes: 60, multiplier: 4 }] }));
      assert.equal(alerts.filter((alert) => alert.detector === 'volume').length, expected);
    });
  }

  for (const { warmUpHours, expected } of [{ warmUpHours: 168, expected: 0 }, { warmUpHours: 48, expected: 1 }]) {
    it(`a 5× spike on the third day ${expected ? 'alerts' : 'stays quiet'} with a warm-up of ${warmUpHours} hours`, () => {
      const start = MONDAY + 2 * DAY + 14 * HOUR;
      const alerts = run(detectorFor({ volume: { warmUpHours } }), stream({ ...base, days: 4, spikes: [{ start, minutes: 60, multiplier: 5 }] }));
      assert.equal(alerts.filter((alert) => alert.detector === 'volume').length, expected);
    });
  }

  it('counts its warm-up in hours heard: a topic that trickled for days stays quiet through its real stream\'s first day', () => {
    // One stray mention a day for four days, then the sources really start: 40 an hour.
    const strays = [0, 1, 2, 3].map((day) => ({ id: `stray-${day}`, at: MONDAY + day * DAY + 9 * HOUR }));
    const flowStart = MONDAY + 4 * DAY + 12 * HOUR;
    const flow = Array.from({ length: 24 * 40 }, (_, n) => ({ id: `flow-${n}`, at: flowStart + Math.floor(n * 90_000) }));
    const detector = detectorFor({ volume: { warmUpHours: 48 } });
    const alerts = run(detector, withMentions([], [...strays, ...flow]));
    assert.deepEqual(kinds(alerts), [], 'the stream\'s start is not a spike');
    const level = detector.level();
    assert.equal(level.heardHours, 4 + 24);
    assert.ok(level.warmingUp.includes('volume'), 'still learning the stream');
  });

  it('restores a snapshot saved before heard hours, counting every hour since its first mention as heard', () => {
    const detector = detectorFor();
    run(detector, stream({ ...base, days: 1 }));
    const { heardHours: _heard, lastHeardHour: _last, ...older } = detector.toJSON();
    const clock = older.clock!;
    const warm = TopicDetector.fromJSON({ ...older, startedAt: clock - 200 * HOUR } as unknown as TopicDetectorSnapshot);
    assert.deepEqual([warm.level().heardHours, warm.level().warmingUp], [200, []]);
    const young = TopicDetector.fromJSON({ ...older, startedAt: clock - 100 * HOUR } as unknown as TopicDetectorSnapshot);
    assert.deepEqual([young.level().heardHours, young.level().warmingUp], [100, ['volume']]);
    young.observe({ id: 'next', at: clock + HOUR, sentiment: 'neutral', category: null });
    assert.equal(young.level().heardHours, 101, 'and goes on counting');
  });

  it('a quiet stream ends the event on the clock alone, and shows its level on the radar', () => {
    const detector = detectorFor();
    const mentions = stream({ ...base, days: 10, spikes: [{ start: SPIKE_START, minutes: 60, multiplier: 3 }] }).filter((mention) => mention.at < SPIKE_START + 60 * MINUTE);
    run(detector, mentions);
    const during = detector.level();
    assert.deepEqual(during.activeEvents.map((event) => event.detector), ['volume']);
    assert.ok(during.mentionsLast10Minutes > 2 * during.expectedLast10Minutes);
    assert.deepEqual(during.warmingUp, []);
    assert.deepEqual(detector.advanceTo(SPIKE_START + 5 * HOUR), []);
    const after = detector.level();
    assert.deepEqual(after.activeEvents, []);
    assert.equal(after.mentionsLast10Minutes, 0);
  });
});

describe('negativity, category, trigger words and high reach', () => {
  const base = { seed: 6, days: 11, meanPerHour: 120 };

  it('a surge of negative mentions raises one negativity alert and no volume alert', () => {
    const mentions = stream({ ...base, spikes: [{ start: SPIKE_START, minutes: 120, multiplier: 1, negativeShare: 0.65 }] });
    const alerts = run(detectorFor(), mentions);
    assert.deepEqual(kinds(alerts), ['negativity']);
    const alert = alerts[0]!;
    assert.ok(alert.at - SPIKE_START < 30 * MINUTE);
    assert.equal(alert.metric, 'share of negative mentions');
    assert.ok(alert.observed > 0.45 && alert.baseline < 0.3, `${alert.observed} against ${alert.baseline}`);
    assert.equal(alert.window.end - alert.window.start, 30 * MINUTE);
    const byId = new Map(mentions.map((mention) => [mention.id, mention]));
    assert.ok(alert.sampleMentionIds.every((id) => byId.get(id)!.sentiment === 'negative'));
    assert.match(alert.summary, /^\d+ of \d+ mentions since .* were negative mentions \(\d+%\) against \d+% usually/);
  });

  it('a slight rise of negativity stays quiet', () => {
    assert.deepEqual(run(detectorFor(), stream({ ...base, spikes: [{ start: SPIKE_START, minutes: 120, multiplier: 1, negativeShare: 0.32 }] })), []);
  });

  it('negativity needs its minimum volume: a small topic turning negative stays quiet', () => {
    const alerts = run(detectorFor(), stream({ ...base, meanPerHour: 12, spikes: [{ start: SPIKE_START, minutes: 120, multiplier: 1, negativeShare: 0.9 }] }));
    assert.deepEqual(kinds(alerts), []);
    const lowered = run(detectorFor({ negativity: { minVolume: 4 } }), stream({ ...base, meanPerHour: 12, spikes: [{ start: SPIKE_START, minutes: 120, multiplier: 1, negativeShare: 0.9 }] }));
    assert.deepEqual(kinds(lowered), ['negativity']);
  });

  it('a surge of one category raises one category alert naming it', () => {
    const alerts = run(detectorFor(), stream({ ...base, spikes: [{ start: SPIKE_START, minutes: 90, multiplier: 1, category: { name: 'cancellation', share: 0.3 } }] }));
    assert.deepEqual(alerts.map((alert) => [alert.detector, alert.subject]), [['category', 'cancellation']]);
    assert.match(alerts[0]!.summary, /mentions in category "cancellation"/);
  });

  it('a category never seen before can surge too', () => {
    const alerts = run(detectorFor(), stream({ ...base, spikes: [{ start: SPIKE_START, minutes: 90, multiplier: 1, category: { name: 'data breach', share: 0.2 } }] }));
    assert.deepEqual(alerts.map((alert) => [alert.detector, alert.subject]), [['category', 'data breach']]);
    assert.ok(alerts[0]!.baseline < 0.001);
  });

  it('a category a little above its usual share stays quiet', () => {
    assert.deepEqual(run(detectorFor(), stream({ ...base, spikes: [{ start: SPIKE_START, minutes: 90, multiplier: 1, category: { name: 'cancellation', share: 0.06 } }] })), []);
  });

  const day3 = MONDAY + 2 * DAY + 14 * HOUR;
  const recalls = (minutesApart: number) => ['Is this a product RECALL??', 'they recalled my kettle', 'Récall notice in the post'].map((text, index) => ({ at: day3 + index * minutesApart * MINUTE, text, sentiment: 'negative' as const }));
  const quietDays = { ...base, days: 3, meanPerHour: 60, triggerMentionsPerDay: 0 };

  it('three mentions of a trigger word in twenty minutes raise one trigger-word alert, whatever their case and accents', () => {
    const alerts = run(detectorFor(), withMentions(stream(quietDays), recalls(10)));
    assert.deepEqual(alerts.map((alert) => [alert.detector, alert.subject, alert.observed]), [['trigger-word', 'recall*', 3]]);
    assert.deepEqual(alerts[0]!.sampleMentionIds, ['extra-2', 'extra-1', 'extra-0']);
  });

  it('two mentions, or three spread over three hours, stay under the trigger words\' minimum volume', () => {
    assert.deepEqual(run(detectorFor(), withMentions(stream(quietDays), recalls(10).slice(0, 2))), []);
    assert.deepEqual(run(detectorFor(), withMentions(stream(quietDays), recalls(80))), []);
  });

  it('a trigger word that is routine for the topic does not alert', () => {
    // About one mention an hour with each of five trigger phrases, "recall" among them.
    const routine = stream({ ...quietDays, triggerMentionsPerDay: 120 });
    assert.deepEqual(run(detectorFor(), withMentions(routine, recalls(10))).filter((alert) => alert.subject === 'recall*'), []);
  });

  it('trigger words already found upstream are used as given', () => {
    const found = recalls(10).map((mention) => ({ ...mention, text: 'no words here', triggerWords: ['data breach'] }));
    const alerts = run(detectorFor(), withMentions(stream(quietDays), found));
    assert.deepEqual(alerts.map((alert) => alert.subject), ['data breach']);
  });

  const voice = (at: number, fields: Partial<CrisisMention>) => ({ at, sentiment: 'negative' as const, sentimentScore: -0.6, authorHandle: '@bigvoice', authorFollowers: 120_000, text: 'never flying with you again', ...fields });
  const day1 = MONDAY + 14 * HOUR;

  it('a high-reach author posting negatively raises one alert, however many times they post', () => {
    const extra = [voice(day1, {}), voice(day1 + 5 * MINUTE, {}), voice(day1 + 2 * HOUR, {})];
    const alerts = run(detectorFor(), withMentions(stream({ ...quietDays, days: 1 }), extra));
    assert.deepEqual(alerts.map((alert) => [alert.detector, alert.subject, alert.observed, alert.threshold]), [['high-reach', '@bigvoice', 120_000, 50_000]]);
    assert.match(alerts[0]!.summary, /^@bigvoice \(120,000 followers\) posted negatively \(sentiment -0\.60\)/);
  });

  const quietVoices: [string, Partial<CrisisMention>][] = [
    ['a positive post from a million followers', { sentiment: 'positive', sentimentScore: 0.7, authorFollowers: 1_000_000 }],
    ['a negative post from 5,000 followers', { authorFollowers: 5_000 }],
    ['a barely negative post at medium sensitivity', { sentimentScore: -0.1 }],
  ];
  for (const [name, fields] of quietVoices) {
    it(`${name} stays quiet`, () => {
      assert.deepEqual(run(detectorFor(), withMentions(stream({ ...quietDays, days: 1 }), [voice(day1, fields)])), []);
    });
  }

  it('high sensitivity lowers the followers threshold; an explicit threshold wins', () => {
    const twenty = [voice(day1, { authorFollowers: 20_000 })];
    assert.equal(run(detectorFor({ highReach: { sensitivity: 'high' } }), withMentions(stream({ ...quietDays, days: 1 }), twenty)).length, 1);
    assert.equal(run(detectorFor({ highReach: { minFollowers: 30_000 } }), withMentions(stream({ ...quietDays, days: 1 }), twenty)).length, 0);
  });

  it('a disabled detector stays quiet', () => {
    assert.deepEqual(run(detectorFor({ highReach: { enabled: false } }), withMentions(stream({ ...quietDays, days: 1 }), [voice(day1, {})])), []);
  });
});

describe('snapshots', () => {
  // A spike, a negativity surge, trigger words and a loud voice, with cuts in the first week, mid-spike and mid-surge.
  const mentions = withMentions(
    stream({
      seed: 7,
      days: 11,
      meanPerHour: 120,
      spikes: [
        { start: SPIKE_START, minutes: 60, multiplier: 3 },
        { start: SPIKE_START + DAY, minutes: 120, multiplier: 1, negativeShare: 0.65 },
      ],
    }),
    [
      ...[0, 4, 9].map((minute) => ({ at: SPIKE_START + 3 * HOUR + minute * MINUTE, text: 'see you in court, lawsuit incoming', sentiment: 'negative' as const })),
      { at: SPIKE_START + 5 * HOUR, sentiment: 'negative' as const, authorHandle: '@bigvoice', authorFollowers: 900_000, sentimentScore: -0.8 },
    ],
  );
  const whole = detectorFor();
  const uninterrupted = run(whole, mentions);

  it('the stream raises each kind of alert once', () => {
    assert.deepEqual(kinds(uninterrupted).sort(), ['high-reach', 'negativity', 'trigger-word', 'volume']);
  });

  for (const cut of [MONDAY + 3.5 * DAY, SPIKE_START + 7 * MINUTE, SPIKE_START + DAY + 40 * MINUTE]) {
    it(`a detector restored at ${new Date(cut).toISOString()} continues exactly as the uninterrupted one`, () => {
      const first = detectorFor();
      const before = run(first, mentions.filter((mention) => mention.at < cut));
      const restored = TopicDetector.fromJSON(JSON.parse(JSON.stringify(first.toJSON())), { settings: {} });
      const after = run(restored, mentions.filter((mention) => mention.at >= cut));
      assert.deepEqual([...before, ...after], uninterrupted);
      assert.deepEqual(restored.toJSON(), whole.toJSON());
    });
  }

  it('a snapshot of another version is refused with a clear message', () => {
    const snapshot = { ...detectorFor().toJSON(), version: 0 } as unknown as ReturnType<TopicDetector['toJSON']>;
    assert.throws(() => TopicDetector.fromJSON(snapshot), /version 0 is not 1/);
  });

  it('a mention older than the clock counts at the clock\'s time', () => {
    const detector = detectorFor();
    detector.observe({ id: 'a', at: MONDAY + 10 * MINUTE, sentiment: 'neutral', category: null });
    assert.deepEqual(detector.observe({ id: 'b', at: MONDAY + 2 * MINUTE, sentiment: 'neutral', category: null }), []);
    assert.equal(detector.level().lateMentions, 1);
    assert.throws(() => detector.observe({ id: 'c', at: Number.NaN, sentiment: 'neutral', category: null }), /no valid time/);
  });
});

// How urgent a mention is, 0–100, and why: risk words (a lawsuit, an injury, a data
// breach) weigh most, then negativity, the author's reach, and how fast the thread is
// growing. Each part adds points and a reason, so the score explains itself.

export interface UrgencyInput {
  text: string;
  /** Compound sentiment, −1..1. */
  sentiment: number;
  followers: number | null;
  /** Mentions in the same conversation during the last hour, this one included. */
  threadMentionsLastHour: number;
}

export interface Urgency { score: number; reasons: string[] }

/** Risk words by theme; any one adds the theme's points once. */
const RISK_THEMES: { theme: string; points: number; words: string[] }[] = [
  { theme: 'legal', points: 35, words: ['lawsuit', 'sue', 'suing', 'lawyer', 'solicitor', 'attorney', 'legal action', 'court', 'trading standards', 'ombudsman'] },
  { theme: 'safety', points: 40, words: ['injury', 'injured', 'hurt', 'burn', 'burned', 'choking', 'allergic reaction', 'hospital', 'unsafe', 'dangerous', 'fire', 'recall', 'poisoning', 'food poisoning'] },
  { theme: 'data', points: 35, words: ['data breach', 'hacked', 'leaked', 'my data', 'gdpr', 'identity theft', 'fraud', 'scam'] },
  { theme: 'discrimination', points: 35, words: ['discrimination', 'discriminated', 'racist', 'racism', 'sexist', 'harassment', 'harassed', 'homophobic'] },
  { theme: 'reputation', points: 25, words: ['boycott', 'never again', 'going to the press', 'journalist', 'bbc', 'viral', 'petition'] },
];

const words = (text: string) => ` ${text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;

function riskPoints(text: string, reasons: string[]): number {
  const padded = words(text);
  let points = 0;
  for (const { theme, points: themePoints, words: themeWords } of RISK_THEMES) {
    const found = themeWords.find((word) => padded.includes(` ${word} `));
    if (!found) continue;
    points += themePoints;
    reasons.push(`${theme} risk: "${found}"`);
  }
  return points;
}

function negativityPoints(sentiment: number, reasons: string[]): number {
  if (sentiment >= -0.05) return 0;
  const points = Math.round(25 * Math.min(1, -sentiment));
  reasons.push(`negative (${sentiment.toFixed(2)})`);
  return points;
}

/** Reach on a log scale: 1,000 followers add 6 points, 100,000 add 15, a million 20. */
function reachPoints(followers: number | null, reasons: string[]): number {
  if (!followers || followers < 1000) return 0;
  const points = Math.min(20, Math.round((Math.log10(followers) - 2) * 5 + 1));
  reasons.push(`author reach: ${followers.toLocaleString('en')} followers`);
  return points;
}

function velocityPoints(perHour: number, reasons: string[]): number {
  if (perHour < 5) return 0;
  const points = Math.min(20, Math.round(perHour / 5) * 4);
  reasons.push(`busy thread: ${perHour} mentions in the last hour`);
  return points;
}

export function scoreUrgency(input: UrgencyInput): Urgency {
  const reasons: string[] = [];
  const points = riskPoints(input.text, reasons) + negativityPoints(input.sentiment, reasons)
    + reachPoints(input.followers, reasons) + velocityPoints(input.threadMentionsLastHour, reasons);
  return { score: Math.min(100, points), reasons };
}

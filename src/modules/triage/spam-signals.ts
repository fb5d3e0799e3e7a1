// Obvious spam, flagged rather than dropped (a person can still look): posts that
// sell, beg for follows, or are mostly links, tags and handles. Each signal that
// fires is a reason; two or more, or one strong one, make the post spam.

export interface SpamVerdict { spam: boolean; reasons: string[] }

/** Phrases of promotion and scams that customer posts do not use. */
const SPAM_PHRASES = [
  'follow back', 'follow for follow', 'f4f', 'dm for promo', 'dm me for', 'check my bio', 'link in bio', 'click the link',
  'earn $', 'make money', 'work from home', 'crypto giveaway', 'free followers', 'buy followers', 'onlyfans', 'promo code',
  'giveaway', 'airdrop', 'forex', 'investment opportunity', '100% free', 'limited offer', 'whatsapp me',
];
/** Phrases that on their own decide. */
const STRONG_PHRASES = new Set(['free followers', 'buy followers', 'crypto giveaway', 'airdrop', 'investment opportunity']);

const links = /https?:\/\/\S+/g;
const tags = /(^|\s)[#@][\p{L}\p{N}_.]+/gu;

export function spamSignals(text: string): SpamVerdict {
  const lower = text.toLowerCase();
  const reasons: string[] = [];
  let strong = false;
  for (const phrase of SPAM_PHRASES) {
    if (!lower.includes(phrase)) continue;
    reasons.push(`says "${phrase}"`);
    if (STRONG_PHRASES.has(phrase)) strong = true;
  }
  const linkCount = text.match(links)?.length ?? 0;
  if (linkCount >= 3) reasons.push(`${linkCount} links`);
  const tagCount = text.match(tags)?.length ?? 0;
  const words = text.replace(links, ' ').split(/\s+/).filter(Boolean).length;
  if (tagCount >= 6 && tagCount >= words * 0.6) reasons.push(`${tagCount} hashtags and handles in ${words} words`);
  if (linkCount > 0 && tagCount > 0 && tagCount === words) reasons.push('nothing but tags, handles and links');
  if (/(.)\1{9,}/u.test(text)) reasons.push('a character repeated ten times or more');
  return { spam: strong || reasons.length >= 2, reasons };
}

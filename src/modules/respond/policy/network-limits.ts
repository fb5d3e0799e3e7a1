// What each network accepts in one reply, measured the way the network measures it,
// so the composer can count as the person types and a reply the network would refuse
// is refused before sending, with the reason. None of these networks documents a
// hard cap on the number of links or mentions in a post, so only length is enforced;
// links and mentions are counted for the composer to show.
import type { PolicyFinding } from './policy-finding.ts';
import { findLinks } from './find-links.ts';
import { findMentions } from './find-mentions.ts';
import { graphemesOf } from './graphemes.ts';

export type LengthUnit = 'characters' | 'graphemes';

export interface NetworkLimits {
  /** The network's name in messages. */
  name: string;
  /** Null: no limit. */
  maxLength: number | null;
  /** Graphemes are characters as a reader sees them ("👍🏽" is one); characters are Unicode code points. */
  unit: LengthUnit;
  /** What one grapheme counts for. */
  lengthOfGrapheme: (grapheme: string) => number;
  /** What every link counts for when the network shortens links; null: as written. */
  linkLength: number | null;
  /** The network links bare domains (acme.example/returns), not only http(s) URLs. */
  linksBareDomains: boolean;
  /** "@name@server" counts as "@name", the part the network shows. */
  mentionsCountLocalPart: boolean;
}

const oneEach = () => 1;
const codePoints = (grapheme: string) => [...grapheme].length;

/** X's light code points (twitter-text's configuration v3); every other character, emoji included, counts 2. */
const X_LIGHT_RANGES = [[0, 4351], [8192, 8205], [8208, 8223], [8242, 8247]] as const;
const isLightOnX = (codePoint: number) => X_LIGHT_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to);
function lengthOnX(grapheme: string): number {
  const points = [...grapheme.normalize('NFC')].map((character) => character.codePointAt(0)!);
  return points.every(isLightOnX) ? points.length : 2;
}

export const networkLimits: Record<string, NetworkLimits> = {
  // Mastodon's default (instances may configure another): 500 grapheme clusters as its
  // StatusLengthValidator counts them, every URL as 23, a remote mention as its local part.
  mastodon: { name: 'Mastodon', maxLength: 500, unit: 'graphemes', lengthOfGrapheme: oneEach, linkLength: 23, linksBareDomains: false, mentionsCountLocalPart: true },
  // The app.bsky.feed.post lexicon: at most 300 graphemes (and 3,000 bytes, which only long emoji sequences reach first).
  bluesky: { name: 'Bluesky', maxLength: 300, unit: 'graphemes', lengthOfGrapheme: oneEach, linkLength: null, linksBareDomains: true, mentionsCountLocalPart: false },
  // twitter-text: 280 weighted characters, every URL (bare domains too) as 23.
  x: { name: 'X', maxLength: 280, unit: 'characters', lengthOfGrapheme: lengthOnX, linkLength: 23, linksBareDomains: true, mentionsCountLocalPart: false },
  // LinkedIn's and Facebook's published post limits.
  linkedin: { name: 'LinkedIn', maxLength: 3000, unit: 'characters', lengthOfGrapheme: codePoints, linkLength: null, linksBareDomains: true, mentionsCountLocalPart: false },
  facebook: { name: 'Facebook', maxLength: 63206, unit: 'characters', lengthOfGrapheme: codePoints, linkLength: null, linksBareDomains: true, mentionsCountLocalPart: false },
  // E-mail has no limit; this one is ours, against pasting a whole document by mistake.
  email: { name: 'E-mail', maxLength: 10000, unit: 'characters', lengthOfGrapheme: codePoints, linkLength: null, linksBareDomains: true, mentionsCountLocalPart: false },
};

/** Networks Herd does not know: counted, never limited. */
const unknownNetwork: NetworkLimits = { name: 'this network', maxLength: null, unit: 'characters', lengthOfGrapheme: codePoints, linkLength: null, linksBareDomains: true, mentionsCountLocalPart: false };

export function limitsOf(network: string): NetworkLimits {
  const key = network.toLowerCase();
  return Object.hasOwn(networkLimits, key) ? networkLimits[key]! : unknownNetwork;
}

export interface ReplyMeasure {
  network: string;
  length: number;
  maxLength: number | null;
  unit: LengthUnit;
  links: number;
  mentions: number;
  /** Where the text goes over the limit (a UTF-16 offset), to highlight the rest; null when it fits. */
  overLimitFrom: number | null;
}

/** A part of the text that counts as a whole for its `length`, whatever its own length. */
interface CountedAs { start: number; end: number; length: number }

export function measureReply(text: string, network: string): ReplyMeasure {
  const limits = limitsOf(network);
  const links = findLinks(text).filter((link) => link.hasScheme || limits.linksBareDomains);
  const mentions = findMentions(text);
  const countedAs: CountedAs[] = [
    ...(limits.linkLength === null ? [] : links.map((link) => ({ start: link.start, end: link.end, length: limits.linkLength! }))),
    ...(limits.mentionsCountLocalPart ? mentions.map((mention) => ({ start: mention.start, end: mention.end, length: 1 + mention.localPart.length })) : []),
  ].sort((a, b) => a.start - b.start);
  let length = 0;
  let overLimitFrom: number | null = null;
  let next = 0;
  let lastCounted = -1;
  for (const { segment, index } of graphemesOf(text)) {
    while (next < countedAs.length && countedAs[next]!.end <= index) next++;
    const part = countedAs[next];
    const inPart = part !== undefined && index >= part.start;
    if (!inPart) length += limits.lengthOfGrapheme(segment);
    else if (lastCounted !== next) {
      length += part.length;
      lastCounted = next;
    }
    if (overLimitFrom === null && limits.maxLength !== null && length > limits.maxLength) overLimitFrom = inPart ? part.start : index;
  }
  return { network, length, maxLength: limits.maxLength, unit: limits.unit, links: links.length, mentions: mentions.length, overLimitFrom };
}

/** A blocking finding when the text is longer than the network takes; none for networks without a limit. */
export function checkNetworkLimits(text: string, network: string): PolicyFinding[] {
  const { length, maxLength, overLimitFrom } = measureReply(text, network);
  if (maxLength === null || overLimitFrom === null) return [];
  const over = length - maxLength;
  return [{
    ruleId: 'network-limit.length', kind: 'network-limit', severity: 'block',
    span: { start: overLimitFrom, end: text.length }, match: text.slice(overLimitFrom),
    message: `${limitsOf(network).name} takes at most ${maxLength} characters; this reply has ${length}.`,
    fix: `Shorten it by ${over} character${over === 1 ? '' : 's'}.`,
  }];
}

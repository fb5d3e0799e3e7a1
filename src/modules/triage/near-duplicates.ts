// Near-duplicate fingerprints (SimHash, Charikar 2002) so copy-paste waves and bot
// floods become one group: posts whose 64-bit fingerprints differ in at most a few
// bits say nearly the same thing. Fingerprints are cut into four 16-bit bands; two
// fingerprints within 3 bits of each other share at least one band exactly, so
// candidates are found by equality on a band (an index) and confirmed by distance.
import { hashChars } from './classifier/index.ts';

/** Fingerprints at most this many bits apart are near-duplicates. */
export const NEAR_DUPLICATE_MAX_DISTANCE = 3;
export const FINGERPRINT_BANDS = 4;

/** Words without case, accents, links or handles: copies often differ only there. */
export function fingerprintWords(text: string): string[] {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ').replace(/(^|\s)@[\w.-]+/g, ' ')
    .split(/[^\p{L}\p{N}#]+/u).filter(Boolean);
}

/** Words and pairs of neighbouring words: one edited word moves only a few of them. */
function featuresOf(words: string[]): string[] {
  const features = [...words];
  for (let i = 0; i + 1 < words.length; i++) features.push(`${words[i]} ${words[i + 1]}`);
  return features;
}

/** The 64-bit SimHash of a text, as a signed bigint (it fits Postgres' bigint); null when it has no words. */
export function simhash(text: string): bigint | null {
  const features = featuresOf(fingerprintWords(text));
  if (features.length === 0) return null;
  const votes = new Int32Array(64);
  for (const feature of features) {
    const low = hashChars(feature, 0, feature.length, 0);
    const high = hashChars(feature, 0, feature.length, 0x9e3779b9);
    for (let bit = 0; bit < 32; bit++) {
      votes[bit]! += (low >>> bit) & 1 ? 1 : -1;
      votes[bit + 32]! += (high >>> bit) & 1 ? 1 : -1;
    }
  }
  let low = 0;
  let high = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (votes[bit]! > 0) low |= 1 << bit;
    if (votes[bit + 32]! > 0) high |= 1 << bit;
  }
  return BigInt.asIntN(64, (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0));
}

export function hammingDistance(a: bigint, b: bigint): number {
  let difference = BigInt.asUintN(64, a ^ b);
  let count = 0;
  while (difference) {
    difference &= difference - 1n;
    count++;
  }
  return count;
}

/** The four 16-bit bands of a fingerprint, for finding candidates by equality. */
export function bandsOf(fingerprint: bigint): number[] {
  const unsigned = BigInt.asUintN(64, fingerprint);
  return Array.from({ length: FINGERPRINT_BANDS }, (_, band) => Number((unsigned >> BigInt(band * 16)) & 0xffffn));
}

// Phone numbers, in international form (+44 20 7946 0958, 0044 20 7946 0958,
// +1-555-123-4567) and national forms that start with a trunk 0 or an area code in
// brackets ((020) 7946 0958, 030 1234567) or North American 555-123-4567; 9 to 15
// digits. Not detected: unformatted numbers that start with another digit
// (5551234567 could be any number), and numbers that look like a date (01.02.2024 10)
// or a payment card.
import type { Span } from './policy-finding.ts';
import { isCardNumber } from './card-numbers.ts';

const PHONE_CANDIDATE = /(?<![\p{L}\p{N}+\-./:=?&#_@])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d+(?:[ .-]\d+)*/gu;
const MIN_DIGITS = 9;
/** The longest number E.164 allows. */
const MAX_DIGITS = 15;
const DATE_FIRST = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})(?!\d)/;
const NATIONAL_PREFIX = /^(?:[+(]|0)/;
const NORTH_AMERICAN = /^\d{3}[ .-]\d{3}[ .-]\d{4}$/;

export function findPhoneNumbers(text: string): Span[] {
  return [...text.matchAll(PHONE_CANDIDATE)].filter((match) => isPhoneNumber(match[0])).map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

function isPhoneNumber(written: string): boolean {
  const digits = written.replace(/\D/g, '').length;
  if (digits < MIN_DIGITS || digits > MAX_DIGITS || DATE_FIRST.test(written) || isCardNumber(written)) return false;
  return NATIONAL_PREFIX.test(written) || NORTH_AMERICAN.test(written);
}

/** The digits that identify a number whether written nationally or internationally (020… and +44 20…). */
export function phoneNumberKey(written: string): string {
  return written.replace(/\D/g, '').slice(-MIN_DIGITS);
}

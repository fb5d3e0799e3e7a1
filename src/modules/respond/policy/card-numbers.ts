// Payment card numbers: 13 to 19 digits, written together or in the groups cards
// print them in (4-4-4-4, 4-4-4-4-3, American Express 4-6-5, Diners 4-6-4) with
// spaces or dashes, that pass the Luhn check. Not detected: other groupings (so two
// dates side by side are not a card), numbers of one repeated digit, and numbers
// that happen to pass Luhn look like cards (one random number in ten does).
import type { Span } from './policy-finding.ts';

const CARD_CANDIDATE = /(?<![\d+.-])\d(?:[ -]?\d){12,18}(?!\d)/g;
const CARD_LAYOUTS = [[4, 6, 5], [4, 6, 4]];

export function findCardNumbers(text: string): Span[] {
  return [...text.matchAll(CARD_CANDIDATE)].filter((match) => isCardNumber(match[0])).map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

export function isCardNumber(written: string): boolean {
  const digits = written.replace(/\D/g, '');
  return digits.length >= 13 && digits.length <= 19 && hasCardLayout(written) && !/^(\d)\1*$/.test(digits) && passesLuhn(digits);
}

function hasCardLayout(written: string): boolean {
  const groups = written.split(/[ -]/).map((group) => group.length);
  if (groups.length === 1) return true;
  const inFours = groups.slice(0, -1).every((length) => length === 4) && groups.at(-1)! >= 3 && groups.at(-1)! <= 4;
  return inFours || CARD_LAYOUTS.some((layout) => layout.length === groups.length && layout.every((length, index) => groups[index] === length));
}

/** The Luhn checksum (ISO/IEC 7812): doubling every second digit from the right, the sum is a multiple of 10. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let fromRight = 0; fromRight < digits.length; fromRight++) {
    let digit = digits.charCodeAt(digits.length - 1 - fromRight) - 48;
    if (fromRight % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

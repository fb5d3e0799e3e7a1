// Personal data in a public reply: e-mail addresses, phone numbers, payment card
// numbers, postal addresses and the organization's order numbers. What each detector
// finds and misses is said in card-numbers.ts, phone-numbers.ts and
// postal-addresses.ts; e-mail addresses are name@domain.tld (not a fediverse handle
// such as @jane@mastodon.social), order numbers whatever the rule's pattern matches.
// The organization's own public contacts are not findings.
import { ORDER_NUMBER_FLAGS, type PersonalDataKind, type PersonalDataRule } from './policy-rule.ts';
import { findingAt, type RuleCheck, type Span } from './policy-finding.ts';
import { findCardNumbers } from './card-numbers.ts';
import { findPhoneNumbers, phoneNumberKey } from './phone-numbers.ts';
import { findPostalAddresses } from './postal-addresses.ts';
import { hostOf } from './find-links.ts';

const EMAIL_ADDRESS = /(?<![\p{L}\p{N}._%+/@-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** Where two detections overlap, the one earlier here wins (a card number is not also a phone number). */
const precedence: readonly PersonalDataKind[] = ['card', 'email', 'order-number', 'phone', 'postal-address'];

const adviceOf: Record<PersonalDataKind, { message: string; fix: string }> = {
  'card': { message: 'A payment card number must never be posted.', fix: 'Remove it; if the customer posted it, ask them to delete that post, and continue in a direct message.' },
  'email': { message: 'An e-mail address is personal data; a public reply exposes it.', fix: 'Remove it and continue in a direct message.' },
  'phone': { message: 'A phone number is personal data; a public reply exposes it.', fix: 'Remove it and continue in a direct message.' },
  'postal-address': { message: 'A postal address is personal data; a public reply exposes it.', fix: 'Remove it and continue in a direct message.' },
  'order-number': { message: 'An order number identifies a customer and what they bought.', fix: 'Say "your order" instead, and continue in a direct message.' },
};

interface Detection extends Span { kind: PersonalDataKind }

export function compilePersonalDataRule(rule: PersonalDataRule): RuleCheck {
  const isPublic = publicContactsOf(rule.publicContacts ?? []);
  const orderNumber = rule.orderNumberPattern === undefined ? undefined : new RegExp(rule.orderNumberPattern, ORDER_NUMBER_FLAGS);
  const finders: Record<PersonalDataKind, (text: string) => Span[]> = {
    'card': findCardNumbers,
    'email': (text) => (text.includes('@') ? spansOf(text, EMAIL_ADDRESS) : []),
    'phone': findPhoneNumbers,
    'postal-address': findPostalAddresses,
    'order-number': (text) => (orderNumber ? spansOf(text, orderNumber) : []),
  };
  const kinds = precedence.filter((kind) => rule.detect.includes(kind));
  return (reply) => {
    const found: Detection[] = [];
    for (const kind of kinds) {
      // Rules with the same detector share what it found; order number patterns differ by rule.
      const key = kind === 'order-number' ? `order-number:${rule.orderNumberPattern}` : kind;
      for (const span of reply.shared(`personal-data:${key}`, finders[kind])) {
        const written = reply.text.slice(span.start, span.end);
        if (!isPublic(kind, written) && !found.some((other) => span.start < other.end && other.start < span.end)) found.push({ ...span, kind });
      }
    }
    return found.map((detection) => findingAt(rule, reply, detection, { ...adviceOf[detection.kind], replacement: maskOf(detection.kind, reply.text.slice(detection.start, detection.end)) }));
  };
}

function spansOf(text: string, pattern: RegExp): Span[] {
  return [...text.matchAll(pattern)].filter((match) => match[0] !== '').map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** Public contacts: e-mail addresses, phone numbers (compared by their last digits), or domains for every address at them. */
function publicContactsOf(contacts: readonly string[]): (kind: PersonalDataKind, written: string) => boolean {
  const emails = new Set(contacts.filter((contact) => contact.includes('@')).map((contact) => contact.trim().toLowerCase()));
  const phones = new Set(contacts.filter((contact) => /^[\d\s+().-]+$/.test(contact)).map(phoneNumberKey));
  const domains = contacts.filter((contact) => !contact.includes('@') && /\p{L}/u.test(contact)).map((domain) => hostOf(`http://${domain.trim()}`)).filter((host) => host !== undefined);
  return (kind, written) => {
    if (kind === 'phone') return phones.has(phoneNumberKey(written));
    if (kind !== 'email') return false;
    const host = hostOf(`http://${written.slice(written.lastIndexOf('@') + 1)}`) ?? '';
    return emails.has(written.toLowerCase()) || domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
  };
}

/** The text with its letters and digits hidden, keeping what helps the reader recognize it; none for addresses. */
function maskOf(kind: PersonalDataKind, written: string): string | undefined {
  switch (kind) {
    case 'card': return maskAllBut(written, 4);
    case 'phone': return maskAllBut(written, 2);
    case 'order-number': return maskAllBut(written, 2);
    case 'email': return `${written[0]}•••${written.slice(written.lastIndexOf('@'))}`;
    case 'postal-address': return undefined;
  }
}

function maskAllBut(written: string, kept: number): string {
  let toHide = (written.match(/[\p{L}\p{N}]/gu)?.length ?? 0) - kept;
  return written.replace(/[\p{L}\p{N}]/gu, (character) => (toHide-- > 0 ? '•' : character));
}

// Postal addresses, by their most recognizable parts:
// - a house number and a street in English order: "221B Baker Street", "10 Downing St";
// - German order: "Hauptstraße 5", "Musterstr. 12", "Berliner Straße 12";
// - French order: "12 rue de la Paix", "5 avenue Foch";
// - postcodes: UK ("SW1A 1AA", with its space), US ZIP after a state ("IL 62704"),
//   German after a comma or at a line's start (", 10115 Berlin").
// Parts of one address ("221B Baker Street, London NW1 6XE") become one span. Not
// detected: streets without a street word ("Unter den Linden 77"), lowercase English
// street names, PO boxes, postcodes of other countries or written without context.
import type { Span } from './policy-finding.ts';

const ENGLISH_STREET = /\b\d{1,5}[A-Za-z]?,? (?:\p{Lu}[\p{L}'-]* ){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Dr|Way|Close|Court|Ct|Place|Pl|Terrace|Crescent|Square|Sq)\b\.?/gu;
const GERMAN_STREET = /(?<![\p{L}-])(?:\p{Lu}[\p{L}-]*(?:straße|strasse|str\.|weg|allee|platz|gasse)|\p{Lu}[\p{L}-]* (?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse)) \d{1,4}[a-z]?\b/gu;
const FRENCH_STREET = /\b\d{1,4}(?: ?(?:bis|ter))?,? (?:rue|avenue|boulevard|bd|allée|impasse|chemin|quai) (?:(?:de la|de l'|du|des|de|d')\s?)?\p{L}[\p{L}'-]*/giu;
const UK_POSTCODE = /\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) \d[ABD-HJLNP-UW-Z]{2}\b/g;
const US_ZIP = /\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY),? \d{5}(?:-\d{4})?\b/g;
const GERMAN_POSTCODE = /(?<=(?:^|[,\n])[ \t]*)(?:D-)?\d{5} \p{Lu}\p{Ll}+/gmu;
const ADDRESS_PARTS = [ENGLISH_STREET, GERMAN_STREET, FRENCH_STREET, UK_POSTCODE, US_ZIP, GERMAN_POSTCODE];

/** Parts separated only by commas and up to three capitalized words (a town: ", London ") belong to one address. */
const SAME_ADDRESS_GAP = /^[ ,]*(?:\p{Lu}[\p{L}-]*[ ,]+){0,3}$/u;

export function findPostalAddresses(text: string): Span[] {
  const parts = ADDRESS_PARTS.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length })));
  parts.sort((a, b) => a.start - b.start);
  const addresses: Span[] = [];
  for (const part of parts) {
    const last = addresses.at(-1);
    if (last && (part.start <= last.end || SAME_ADDRESS_GAP.test(text.slice(last.end, part.start)))) last.end = Math.max(last.end, part.end);
    else addresses.push({ ...part });
  }
  return addresses;
}

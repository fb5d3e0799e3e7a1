// Which store a mention is about, from the places of the store spokes: the store's
// name ("Leeds Briggate"), its aliases ("the Leeds store", "Briggate"), the street of
// its address, and its city when only one store is there. The longest phrase found
// wins; a city with several stores links to none (the post does not say which).

export interface StorePlace {
  spokeId: string;
  name: string;
  aliases: readonly string[];
  address: string | null;
  city: string | null;
}

export interface PlaceMatch {
  spokeId: string;
  /** The words of the post that named the store. */
  matched: string;
  /** 0..1: names and aliases are surer than a street, a street surer than a city. */
  confidence: number;
}

const CONFIDENCE = { name: 0.95, alias: 0.9, street: 0.8, city: 0.6 } as const;
type Evidence = keyof typeof CONFIDENCE;

/** Lower-case words without accents, for comparing places and posts. */
export function placeWords(text: string): string[] {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The street of an address: its words without house numbers ("47 Briggate" → "briggate"). */
function streetOf(address: string): string[] {
  const firstPart = address.split(',')[0] ?? '';
  return placeWords(firstPart).filter((word) => !/^\d+[a-z]?$/.test(word));
}

interface Phrase { words: string[]; spokeId: string; evidence: Evidence }

export class PlaceMatcher {
  /** Phrases by their first word. */
  private readonly byFirstWord = new Map<string, Phrase[]>();

  constructor(stores: readonly StorePlace[]) {
    const storesInCity = new Map<string, number>();
    for (const store of stores) {
      const city = placeWords(store.city ?? '').join(' ');
      if (city) storesInCity.set(city, (storesInCity.get(city) ?? 0) + 1);
    }
    for (const store of stores) {
      this.add(placeWords(store.name), store.spokeId, 'name');
      for (const alias of store.aliases) this.add(placeWords(alias), store.spokeId, 'alias');
      if (store.address) this.add(streetOf(store.address), store.spokeId, 'street');
      const city = placeWords(store.city ?? '');
      if (city.length > 0 && storesInCity.get(city.join(' ')) === 1) this.add(city, store.spokeId, 'city');
    }
  }

  private add(words: string[], spokeId: string, evidence: Evidence): void {
    if (words.length === 0) return;
    const phrases = this.byFirstWord.get(words[0]!) ?? [];
    phrases.push({ words, spokeId, evidence });
    this.byFirstWord.set(words[0]!, phrases);
  }

  /** The store the text names most specifically, or null. Two stores named equally specifically: null. */
  match(text: string): PlaceMatch | null {
    const words = placeWords(text);
    let best: { phrase: Phrase; score: number } | undefined;
    let tied = false;
    for (let i = 0; i < words.length; i++) {
      for (const phrase of this.byFirstWord.get(words[i]!) ?? []) {
        if (!phrase.words.every((word, k) => words[i + k] === word)) continue;
        const score = CONFIDENCE[phrase.evidence] * 100 + phrase.words.length;
        if (best && best.phrase.spokeId === phrase.spokeId && score <= best.score) continue;
        if (!best || score > best.score) {
          best = { phrase, score };
          tied = false;
        } else if (score === best.score) {
          tied = true;
        }
      }
    }
    if (!best || tied) return null;
    return { spokeId: best.phrase.spokeId, matched: best.phrase.words.join(' '), confidence: CONFIDENCE[best.phrase.evidence] };
  }
}

// A post as the matchers read it: the tokens of its text with their positions, and
// its metadata normalized for the field filters. Metadata is normalized only when a
// filter asks for it, because most queries never look at it.
import { hostOf, normalizeText, phraseTokensOf, piecesOf, TokenPositions } from './tokenize.ts';

/** A post to match against listening queries. */
export interface MatchablePost {
  text: string;
  author?: string;
  /** A language tag such as `en` or `pt-BR`. */
  lang?: string;
  /** Where it was posted: `twitter`, `reddit`, `rss`, ... */
  source?: string;
  /** The site it appeared on, as a domain or a URL. */
  site?: string;
  /** A free-text place, e.g. `Lyon, France`. */
  place?: string;
  followers?: number;
}

const NOT_READ = Symbol('not read yet');
type Cached<T> = T | typeof NOT_READ;

/** A post's metadata, each field normalized the first time a filter asks for it. */
export class PostFields {
  private post: MatchablePost = { text: '' };
  private author: Cached<string | undefined> = NOT_READ;
  private lang: Cached<string | undefined> = NOT_READ;
  private source: Cached<string | undefined> = NOT_READ;
  private site: Cached<string | undefined> = NOT_READ;
  private place: Cached<readonly string[]> = NOT_READ;

  /** Makes this object describe `post`; the compiled matcher reuses one for every post. */
  load(post: MatchablePost): this {
    this.post = post;
    this.author = this.lang = this.source = this.site = this.place = NOT_READ;
    return this;
  }

  get followers(): number | undefined {
    return this.post.followers;
  }

  normalizedAuthor(): string | undefined {
    if (this.author === NOT_READ) this.author = mapDefined(this.post.author, authors);
    return this.author;
  }

  normalizedLang(): string | undefined {
    if (this.lang === NOT_READ) this.lang = mapDefined(this.post.lang, langs);
    return this.lang;
  }

  normalizedSource(): string | undefined {
    if (this.source === NOT_READ) this.source = mapDefined(this.post.source, sources);
    return this.source;
  }

  siteHost(): string | undefined {
    if (this.site === NOT_READ) this.site = mapDefined(this.post.site, sites);
    return this.site;
  }

  placeWords(): readonly string[] {
    if (this.place === NOT_READ) this.place = this.post.place === undefined ? [] : places.get(this.post.place);
    return this.place;
  }
}

/**
 * Remembers the last results of a normalization. Metadata repeats from post to post
 * (a few languages and sources, popular sites and places), and normalizing it again
 * for each post cost the matcher more than testing the filters.
 */
export class NormalizedValues<T> {
  private readonly known = new Map<string, T>();

  constructor(private readonly normalize: (raw: string) => T, private readonly limit = 4096) {}

  get(raw: string): T {
    let value = this.known.get(raw);
    if (value === undefined) {
      // Forgetting everything at once is crude, but cheap, and keeps the memory bounded.
      if (this.known.size >= this.limit) this.known.clear();
      this.known.set(raw, (value = this.normalize(raw)));
    }
    return value;
  }
}

/** A post tokenized for the reference evaluator. */
export interface TokenizedPost {
  readonly words: TokenPositions;
  readonly fields: PostFields;
}

/** Tokenizes one post (or a bare text) for one-off evaluation. */
export function tokenizePost(post: MatchablePost | string): TokenizedPost {
  const matchable = typeof post === 'string' ? { text: post } : post;
  return { words: new TokenPositions(matchable.text), fields: new PostFields().load(matchable) };
}

const mapDefined = <T>(value: string | undefined, normalized: NormalizedValues<T>) =>
  value === undefined ? undefined : normalized.get(value);

// The same normalizations apply to a filter's value (field-filters.ts) and to a post's
// metadata, so they are defined once, here.

/** "@Jane  Doe" → "jane doe": handles are compared without their "@". */
export const normalizeAuthor = (author: string) => normalizeText(author).trim().replace(/^@/, '').replace(/\s+/g, ' ');
/** "pt_BR" → "pt-br". */
export const normalizeLang = (lang: string) => normalizeText(lang).trim().replaceAll('_', '-');
export const normalizeSource = (source: string) => normalizeText(source).trim();
/** "https://www.Shop.Acme.com/x" → "shop.acme.com". */
export const normalizeSite = (site: string) => hostOf(normalizeText(site).trim());
/** "São Paulo, Brazil" → ["sao", "paulo", "brazil"]. */
export const placeWordsOf = (place: string) => piecesOf(place).flatMap(phraseTokensOf);

const authors = new NormalizedValues(normalizeAuthor);
const langs = new NormalizedValues(normalizeLang);
const sources = new NormalizedValues(normalizeSource);
const sites = new NormalizedValues(normalizeSite);
const places = new NormalizedValues(placeWordsOf);

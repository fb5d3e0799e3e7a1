// VADER's data: its rated lexicon (vader-lexicon.txt, MIT, see README.md) and the word
// lists and constants of Hutto & Gilbert (2014), as in vaderSentiment 3.3.2.
import { readFileSync } from 'node:fs';

/** Empirically derived mean rating increase for a booster word ("very"). */
export const B_INCR = 0.293;
export const B_DECR = -0.293;
/** Empirically derived mean rating increase for an ALL-CAPS word among lower-case ones. */
export const C_INCR = 0.733;
/** Negation flips and damps: "not good" is about -0.74 × "good". */
export const N_SCALAR = -0.74;
/** Normalisation constant: compound = sum / sqrt(sum² + ALPHA), about the largest sum expected. */
export const NORMALIZE_ALPHA = 15;

export const NEGATIONS: ReadonlySet<string> = new Set([
  'aint', 'arent', 'cannot', 'cant', 'couldnt', 'darent', 'didnt', 'doesnt', "ain't", "aren't", "can't",
  "couldn't", "daren't", "didn't", "doesn't", 'dont', 'hadnt', 'hasnt', 'havent', 'isnt', 'mightnt', 'mustnt',
  'neither', "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", 'neednt', "needn't",
  'never', 'none', 'nope', 'nor', 'not', 'nothing', 'nowhere', 'oughtnt', 'shant', 'shouldnt', 'uhuh', 'wasnt',
  'werent', "oughtn't", "shan't", "shouldn't", 'uh-uh', "wasn't", "weren't", 'without', 'wont', 'wouldnt',
  "won't", "wouldn't", 'rarely', 'seldom', 'despite',
]);

/** Degree adverbs: boosters raise the next sentiment word's intensity, dampeners lower it. */
export const BOOSTERS: ReadonlyMap<string, number> = new Map([
  ...['absolutely', 'amazingly', 'awfully', 'completely', 'considerable', 'considerably', 'decidedly', 'deeply',
    'effing', 'enormous', 'enormously', 'entirely', 'especially', 'exceptional', 'exceptionally', 'extreme',
    'extremely', 'fabulously', 'flipping', 'flippin', 'frackin', 'fracking', 'fricking', 'frickin', 'frigging',
    'friggin', 'fully', 'fuckin', 'fucking', 'fuggin', 'fugging', 'greatly', 'hella', 'highly', 'hugely',
    'incredible', 'incredibly', 'intensely', 'major', 'majorly', 'more', 'most', 'particularly', 'purely',
    'quite', 'really', 'remarkably', 'so', 'substantially', 'thoroughly', 'total', 'totally', 'tremendous',
    'tremendously', 'uber', 'unbelievably', 'unusually', 'utter', 'utterly', 'very']
    .map((word): [string, number] => [word, B_INCR]),
  ...['almost', 'barely', 'hardly', 'just enough', 'kind of', 'kinda', 'kindof', 'kind-of', 'less', 'little',
    'marginal', 'marginally', 'occasional', 'occasionally', 'partly', 'scarce', 'scarcely', 'slight', 'slightly',
    'somewhat', 'sort of', 'sorta', 'sortof', 'sort-of']
    .map((word): [string, number] => [word, B_DECR]),
]);

export interface VaderLexicon {
  /** Single tokens (words and emoticons), lower-case, as VADER looks them up. */
  terms: Map<string, number>;
  /** Entries of several words ("can't stand", "fed up"), which VADER's tokenizer never matches. */
  phrases: Map<string, number>;
}

/**
 * Reads VADER's tab-separated lexicon (token, mean rating, standard deviation, raw
 * ratings). Later lines win, as in VADER; entries with capitals are skipped because
 * VADER lower-cases what it looks up, so they were never reachable.
 */
export function parseVaderLexicon(text: string): VaderLexicon {
  const terms = new Map<string, number>();
  const phrases = new Map<string, number>();
  for (const line of text.split('\n')) {
    const [term, mean] = line.split('\t');
    if (!term || mean === undefined || term !== term.toLowerCase()) continue;
    const valence = Number(mean);
    if (!Number.isFinite(valence)) continue;
    (term.includes(' ') ? phrases : terms).set(term, valence);
  }
  return { terms, phrases };
}

export const VADER_LEXICON: VaderLexicon = parseVaderLexicon(readFileSync(new URL('./vader-lexicon.txt', import.meta.url), 'utf8'));

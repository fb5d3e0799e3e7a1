// Herd's own additions to the VADER lexicon for social and customer-service text, on
// VADER's scale (-4 extremely negative .. +4 extremely positive). Hand-written for Herd,
// not derived from any rated data set; where a word is also in VADER's lexicon, the
// value here wins (the comment says why).

/** Internet slang and words VADER misses or rates for edited prose rather than posts. */
export const SLANG: Record<string, number> = {
  trash: -2.0, garbage: -2.2, mid: -1.0, goat: 2.5, goated: 2.5, rip: -1.5, fml: -2.5,
  smh: -1.5, meh: -0.8, // VADER: -1.3, -0.3; both are plainer complaints in replies to brands
  cringe: -1.8, cringey: -1.8, cringy: -1.8, yikes: -1.5, bruh: -0.5, ugh: -1.8, wtaf: -3.0,
  slaps: 2.0, bussin: 2.5, banger: 2.5, iconic: 2.0, slay: 2.0, dope: 2.0, luv: 3.0, tysm: 2.2,
  thnx: 1.5, thanx: 1.5, ripoff: -2.5, 'rip-off': -2.5, scammers: -2.8, scammed: -2.8, scammy: -2.5,
  laggy: -1.5, nightmare: -2.5, shambles: -2.3, shambolic: -2.3, clowns: -1.8, sus: -1.0,
  joke: 0, // VADER: 1.2; "your service is a joke" is the usual use here (see PHRASES)
};

/**
 * Words of complaint that customer posts use and VADER rates as neutral or too mild:
 * the situation (delayed, cancelled, on hold) carries the sentiment, not an adjective.
 */
export const COMPLAINT_WORDS: Record<string, number> = {
  delayed: -1.5, delays: -1.3, cancelled: -1.5, canceled: -1.5, cancellation: -1.0, overbooked: -1.8,
  refund: -0.5, refunds: -0.5, waiting: -0.5, waited: -0.8, outage: -2.0, outages: -2.0,
  crashed: -1.8, crashes: -1.8, crashing: -1.8, glitch: -1.3, glitches: -1.3, glitchy: -1.5,
  buggy: -1.5, overcharged: -2.2, unhelpful: -2.0, unresponsive: -1.8, understaffed: -1.5,
  stranded: -2.0, misplaced: -1.5, undelivered: -1.8, unreachable: -1.5, ghosted: -1.8, late: -1.0,
  queue: -0.3, rerouted: -0.8, downtime: -1.5, unusable: -2.3, incompetent: -2.5, incompetence: -2.5,
};

/**
 * Words that carry no feeling until they are denied: "never arrived", "no reply",
 * "doesn't work", "still not fixed". Negated, they take the value here instead of
 * VADER's flipped-and-damped one.
 */
export const NEGATED_EXPECTATIONS: Record<string, number> = {
  arrived: -1.8, arrive: -1.8, arrives: -1.8, came: -1.5, received: -1.8, receive: -1.8, got: -1.2, get: -1.2,
  delivered: -1.8, deliver: -1.8, refunded: -1.8, refund: -1.8, fixed: -1.8, fix: -1.5,
  resolved: -1.8, solved: -1.8, sorted: -1.5, answered: -1.8, answer: -1.5, answering: -1.8,
  reply: -1.8, replied: -1.8, replies: -1.8, response: -1.8, responded: -1.8, respond: -1.8,
  working: -1.8, work: -1.8, works: -1.8, worked: -1.5, loading: -1.5, load: -1.5, loads: -1.5,
  help: -1.8, helped: -1.8, helping: -1.8, helpful: -1.8, update: -1.3, updates: -1.3,
  callback: -1.5, signal: -1.5, wifi: -1.5, internet: -1.5, power: -1.5, show: -1.0, showed: -1.5,
  acknowledged: -1.5, contacted: -1.3, compensation: -1.5, explanation: -1.3, apology: -1.5,
};

/**
 * Phrases are matched on whole tokens within a sentence and replace the valence of
 * their words. These are VADER's special-case idioms and the "sentiment-laden idioms"
 * it listed but left as future work.
 */
export const IDIOMS: Record<string, number> = {
  'the shit': 3, 'the bomb': 3, 'bad ass': 1.5, 'bus stop': 0, 'kiss of death': -1.5,
  'to die for': 3, 'beating heart': 3.1, 'broken heart': -2.9, 'cut the mustard': 2, 'hand to mouth': -2,
  'back handed': -2, 'blow smoke': -2, 'blowing smoke': -2, 'upper hand': 1, 'break a leg': 2,
  'cooking with gas': 2, 'in the black': 2, 'in the red': -2, 'on the ball': 2, 'under the weather': -2,
  'on the other hand': 0, 'no one': 0, 'no problem': 1.5, 'no worries': 1.5, 'no doubt': 1.0,
};

/** Complaint situations of several words. */
export const COMPLAINT_PHRASES: Record<string, number> = {
  'on hold': -1.5, 'still waiting': -2.0, 'still no': -1.8, 'lost my': -2.0, 'lost our': -2.0,
  'charged twice': -2.0, 'double charged': -2.0, 'hung up': -1.8, 'hung up on': -2.0,
  'waste of time': -2.5, 'waste of money': -2.5, 'never again': -2.0, 'rip off': -2.5,
  'a joke': -2.0, 'what a joke': -2.5, 'not fit for purpose': -2.5, 'sort it out': -1.0,
  'sort this out': -1.0, 'had enough': -1.8, 'worst experience': -3.0, 'nobody cares': -2.0,
  'no one cares': -2.0, 'let down': -1.8, 'left stranded': -2.3,
};

/** Sarcasm that a phrase alone gives away. */
export const SARCASM_PHRASES: Record<string, number> = {
  'yeah right': -2, 'thanks for nothing': -2.5, 'thank you for nothing': -2.5, 'oh great': -1.0,
  'just great': -1.0, 'yeah sure': -1.0, 'good luck with that': -1.0, 'nice try': -0.8,
  'love waiting': -2.0, 'loving waiting': -2.0, 'love being on hold': -2.5, 'love being ignored': -2.5,
  'love being charged': -2.0, 'just what i needed': -0.5,
};

/** Whole hashtags that mean more than their words ("#neveragain" is not "never" + "again"). */
export const HASHTAGS: Record<string, number> = {
  fail: -2.5, epicfail: -3.0, customerservicefail: -3.0, neveragain: -2.0, firstworldproblems: -0.5,
  notimpressed: -2.0, disappointed: -2.1, boycott: -2.0, scam: -2.7, blessed: 2.5, winning: 2.0,
  love: 3.2, happy: 2.7, grateful: 2.5, thankful: 2.5, smh: -1.5, fml: -2.5,
};

/**
 * Emoticons matched as written (VADER lower-cases them, so "D:" reads as "d:", which it
 * rates positive). Others come from VADER's lexicon.
 */
export const EMOTICONS: Record<string, number> = {
  ':D': 2.3, ':-D': 2.3, 'xD': 2.0, 'XD': 2.0, 'D:': -2.0, 'D-:': -2.0, ':P': 1.4, ':-P': 1.4,
  ':)': 2.0, ':-)': 2.0, ':))': 2.5, ':)))': 2.7, ':(': -1.9, ':-(': -1.9, ':((': -2.4, ':(((': -2.6,
  ':/': -1.4, ':-/': -1.4, ':\\': -1.4, ':|': -0.4, '<3': 1.9, '<33': 2.2, '<333': 2.5, '</3': -3.0,
  ";)": 0.9, ';-)': 1.0, ":'(": -2.2, ":')": 2.3, '^^': 1.5, '^_^': 1.8, '-_-': -1.2, 'T_T': -2.0,
  'o_O': -0.5, 'O_o': -0.5, '>:(': -2.7, '(:': 2.0, '):': -1.8,
};

/**
 * Emoji, keyed without variation selectors or skin tones. Hand-rated for how they are
 * used in replies to brands: 😂 is mostly laughter, 🙃 and 🙄 mostly exasperation.
 */
export const EMOJI: Record<string, number> = {
  '😀': 2.0, '😃': 2.2, '😄': 2.3, '😁': 2.2, '😆': 2.0, '😊': 2.2, '🙂': 1.3, '😉': 1.2, '😍': 3.0,
  '🥰': 3.0, '😘': 2.5, '😗': 1.5, '😙': 1.5, '😚': 2.0, '😋': 2.0, '😛': 1.2, '😜': 1.2, '😝': 1.0,
  '🤗': 2.2, '🤩': 3.0, '🥳': 2.8, '😎': 1.8, '😇': 2.0, '😌': 1.3, '☺': 2.0, '🤣': 1.5, '😂': 1.0,
  '😅': 0.3, '👍': 1.8, '👏': 2.0, '🙌': 2.2, '💪': 1.5, '🎉': 2.5, '🎊': 2.3, '❤': 2.8, '♥': 2.6,
  '💕': 2.8, '💖': 2.8, '💗': 2.6, '💓': 2.6, '💞': 2.6, '💘': 2.6, '💝': 2.6, '🧡': 2.5, '💛': 2.5,
  '💚': 2.5, '💙': 2.5, '💜': 2.5, '🤍': 2.3, '🤎': 2.0, '✨': 1.5, '⭐': 1.8, '🌟': 2.0, '💯': 2.0,
  '🔥': 1.0, '👌': 1.8, '✅': 1.2, '🙏': 1.0, '💐': 2.0, '🌹': 1.8, '🏆': 2.2, '🥇': 2.0, '😻': 2.5,
  '🫶': 2.6, '🤝': 1.3, '🥹': 1.5,
  '😞': -2.0, '😔': -1.8, '😟': -1.8, '😕': -1.3, '🙁': -1.5, '☹': -1.8, '😣': -2.0, '😖': -2.2,
  '😫': -2.2, '😩': -2.2, '🥺': -0.8, '😢': -2.2, '😭': -2.5, '😤': -2.2, '😠': -2.6, '😡': -3.0,
  '🤬': -3.3, '🤯': -1.0, '😳': -0.3, '😱': -1.5, '😨': -1.8, '😰': -1.8, '😥': -1.6, '😓': -1.5,
  '🤢': -2.4, '🤮': -2.8, '🤒': -1.0, '💩': -2.0, '👎': -2.0, '💔': -2.6, '😒': -1.6, '😑': -1.0,
  '😐': -0.4, '🙄': -1.6, '🤦': -1.8, '🤷': -0.4, '❌': -1.2, '⚠': -0.8, '🚫': -1.2, '😬': -0.9,
  '🤡': -1.6, '🙃': -0.6, '😏': -0.3, '🤔': -0.2, '🖕': -3.0, '👿': -2.2, '☠': -1.2, '😪': -1.2,
  '🥱': -1.0, '😿': -2.0, '😾': -2.2, '🫠': -1.0, '🐌': -0.8, '⏳': -0.5, '🤨': -0.6,
};

/** Words common in posts but absent from the lexicons, so that hashtags written in one run ("#worstserviceever") can be cut into words. */
export const COMMON_WORDS: string[] = (
  'a about after again all also always am an and any are as at back be because been before being best both ' +
  'but by call came can come could customer day days did do does done down each even ever every first flight ' +
  'for from get gets getting go going gone got had has have having he her here him his hour hours how i if ' +
  'in into is it its just know last like made make many me more most much must my need never new next no not ' +
  'now of off on once one only or order other our out over own people phone please post same say see service ' +
  'she should since so some still support take than that the their them then there these they thing this ' +
  'those through time to today too train two up us very wait was way we week weeks well were what when where ' +
  'which while who why will with without would year yet you your'
).split(' ');

// The built-in list of profanity and insults: a modest one, in English with a few
// German, French and Spanish words, written folded (lowercase, no accents, ß as ss).
// `*` at the end matches any word starting so. Words that are also everyday words,
// names or product codes ("ass" vs the Galaxy A55, "dick", "prick", "crap", "hell")
// are left out on purpose; a rule adds what an organization wants with extraWords.
export const builtInProfanity: readonly string[] = [
  // English
  'fuck*', 'motherfuck*', 'shit', 'shits', 'shitty', 'shithead*', 'bullshit', 'bastard*', 'bitch*',
  'asshole*', 'arsehole*', 'dickhead*', 'wanker*', 'twat*', 'cunt*', 'bollocks', 'slut*',
  'idiot*', 'moron*', 'imbecile*', 'dumbass*',
  // German
  'scheisse', 'arschloch*', 'wichser*', 'vollidiot*',
  // French
  'merde', 'putain', 'connard*', 'connasse', 'salope*', 'encule*',
  // Spanish
  'mierda', 'joder', 'cabron*', 'gilipollas', 'pendejo*', 'puta', 'putas',
];

import type { PolicyRule } from './policy-rule.ts';
import { describePolicyCases, type PolicyCase } from './policy-cases.ts';

const profanity: PolicyRule = { kind: 'profanity', id: 'profanity', severity: 'block' };
const tuned: PolicyRule = { kind: 'profanity', id: 'tuned', severity: 'warn', extraWords: ['numpty', 'plonker*'], allowWords: ['idiot'] };

const found = (match: string, ruleId = 'profanity', severity: 'warn' | 'block' = 'block') => ({ ruleId, severity, match });

const cases: PolicyCase[] = [
  { name: 'whole words in any case', rules: [profanity], text: 'What the FUCK, this is shit.', expected: [found('FUCK'), found('shit')] },
  { name: 'forms of a listed prefix', rules: [profanity], text: 'fucking idiots, idiotic', expected: [found('fucking'), found('idiots'), found('idiotic')] },
  { name: 'letters starred out', rules: [profanity], text: 'f*ck this, f**king hell, s**t', expected: [found('f*ck'), found('f**king'), found('s**t')] },
  { name: 'look-alike digits and symbols', rules: [profanity], text: 'sh1t, a$$hole and sh!t!', expected: [found('sh1t'), found('a$$hole'), found('sh!t')] },
  { name: 'emphasis around a word, found once', rules: [profanity], text: '*bullshit*!!', expected: [found('bullshit')] },
  { name: 'German, French and Spanish, accents or not', rules: [profanity], text: 'Scheiße! putain, cabrón, cabron', expected: [found('Scheiße'), found('putain'), found('cabrón'), found('cabron')] },
  { name: 'not inside longer words (Scunthorpe)', rules: [profanity], text: 'Scunthorpe assessment, classic shitake, Dickens, cocktail, putative', expected: [] },
  { name: 'not a product code or number', rules: [profanity], text: 'The Galaxy A55 and model 5417 ship today', expected: [] },
  { name: 'not stars with too few letters', rules: [profanity], text: 'f*** and **** and *', expected: [] },
  { name: 'not a mention', rules: [profanity], text: 'cc @sh1t_happens', expected: [] },
  { name: 'extra words added and allowed words removed', rules: [tuned], text: 'You numpty, you plonkers, you idiot', expected: [found('numpty', 'tuned', 'warn'), found('plonkers', 'tuned', 'warn')] },
];

describePolicyCases('profanity', cases);

// Synthetic labeled posts made by perturbing real-looking ones (the retail fixture):
// each is a post of its label, sometimes spliced with the second half of another post
// of the same label, with some words dropped, a typo or two and social-media filler.
// Used to measure training and prediction speed at sizes no hand-written fixture has.
import type { LabeledText } from './text-classifier.ts';
import { seededRandom } from '../../../seeded-random.ts';

const FILLER = ['lol', '@AcmeRetail', 'pls', '!!!', '#fail', 'today', 'honestly', 'smh', '😡', '🙏', 'tbh', 'again', '#acme', 'ugh'];

function typo(word: string, random: () => number): string {
  if (word.length < 4) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  return random() < 0.5
    ? word.slice(0, at) + word.slice(at + 1)
    : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

/** `count` posts perturbed from `base`, labels in the same proportions as `base`. */
export function perturbedPosts(base: readonly LabeledText[], count: number, seed = 7): LabeledText[] {
  const random = seededRandom(seed);
  const byLabel = new Map<string, string[]>();
  for (const { text, label } of base) byLabel.set(label, [...(byLabel.get(label) ?? []), text]);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const posts: LabeledText[] = [];
  for (let i = 0; i < count; i++) {
    const { label, text } = base[i % base.length]!;
    let words = text.split(' ');
    if (random() < 0.4) {
      const other = pick(byLabel.get(label)!).split(' ');
      words = [...words.slice(0, Math.ceil(words.length / 2)), ...other.slice(Math.floor(other.length / 2))];
    }
    words = words.filter(() => random() > 0.15).map((word) => (random() < 0.08 ? typo(word, random) : word));
    if (random() < 0.5) words.splice(Math.floor(random() * (words.length + 1)), 0, pick(FILLER));
    posts.push({ text: words.join(' '), label });
  }
  return posts;
}

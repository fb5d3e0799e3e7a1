// Impact numbers in words: counts, money in the hub's currency, and how a number
// moved since the period before.
import type { EarnedMediaValue } from '../types.ts';

export const count = (value: number) => value.toLocaleString();

/** An amount in the hub's currency; `exact` keeps up to 4 decimals, as rates may have (0.125 a click). */
export function money({ value, currency }: Pick<EarnedMediaValue, 'value' | 'currency'>, exact = false): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, ...(exact && { maximumFractionDigits: 4 }) }).format(value);
  } catch {
    // A code this browser does not know still reads as a number and the code.
    return `${exact ? value : value.toFixed(2)} ${currency}`;
  }
}

export interface Change {
  /** "+25 %", "−10 %", "new", "no change". */
  text: string;
  direction: 'up' | 'down' | 'same';
}

/** How `current` compares with `previous`, in whole percent; from nothing, any number is "new". */
export function changeOf(current: number, previous: number): Change {
  if (current === previous) return { text: 'no change', direction: 'same' };
  if (previous === 0) return { text: 'new', direction: 'up' };
  const percent = Math.round(((current - previous) / previous) * 100);
  if (percent === 0) return { text: current > previous ? '+<1 %' : '−<1 %', direction: current > previous ? 'up' : 'down' };
  return { text: `${percent > 0 ? '+' : '−'}${Math.abs(percent)} %`, direction: percent > 0 ? 'up' : 'down' };
}

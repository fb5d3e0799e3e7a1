// Earned media value: what the clicks and the audience employees reached would have
// cost as paid media, at the hub's rates. The number is only as good as its rates, so
// it always travels with its formula, the rates and the worked sum, for the UI to show
// next to it ("120 × 0.80 + 45,000 ÷ 1000 × 6.00 = 366.00 EUR").
import type { AdvocacySettings } from '../shares/advocacy-settings.ts';

export type EarnedMediaValueRates = AdvocacySettings['earnedMediaValue'];

export const EMV_FORMULA = 'clicks × cost per click + reach ÷ 1000 × cost per thousand impressions';

export interface EarnedMediaValueFormula {
  formula: string;
  rates: EarnedMediaValueRates;
}

export interface EarnedMediaValue {
  /** Rounded to cents. */
  value: number;
  currency: string;
  /** The formula with this row's numbers in it, and the result. */
  expression: string;
}

const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
// Rates keep the digits the hub typed (0.125 stays 0.125), at least cents.
const rates = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 });
const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const formulaOf = (settings: EarnedMediaValueRates): EarnedMediaValueFormula => ({ formula: EMV_FORMULA, rates: { ...settings } });

/** The value of `clicks` and `reach` at the rates, computed from whole numbers so every row and the total round alike. */
export function earnedMediaValueOf(numbers: { clicks: number; reach: number }, rate: EarnedMediaValueRates): EarnedMediaValue {
  const exact = numbers.clicks * rate.costPerClick + (numbers.reach / 1000) * rate.costPerThousandImpressions;
  const value = Math.round(exact * 100) / 100;
  const expression = `${counts.format(numbers.clicks)} × ${rates.format(rate.costPerClick)} + ${counts.format(numbers.reach)} ÷ 1000 × ${rates.format(rate.costPerThousandImpressions)} = ${money.format(value)} ${rate.currency}`;
  return { value, currency: rate.currency, expression };
}

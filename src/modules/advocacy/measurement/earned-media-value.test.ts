import { it, describe } from 'node:test';
import assert from 'node:assert/strict';
import { EMV_FORMULA, earnedMediaValueOf, formulaOf } from './earned-media-value.ts';

describe('earned media value', () => {
  it('is clicks × cost per click + reach ÷ 1000 × CPM, with the worked sum', () => {
    const emv = earnedMediaValueOf({ clicks: 120, reach: 45_000 }, { costPerClick: 0.8, costPerThousandImpressions: 6, currency: 'EUR' });
    assert.deepEqual(emv, { value: 366, currency: 'EUR', expression: '120 × 0.80 + 45,000 ÷ 1000 × 6.00 = 366.00 EUR' });
  });

  it('keeps the digits of a rate and rounds the value to cents', () => {
    const emv = earnedMediaValueOf({ clicks: 3, reach: 1_234 }, { costPerClick: 0.125, costPerThousandImpressions: 7.5, currency: 'USD' });
    // 0.375 + 9.255 = 9.63
    assert.equal(emv.value, 9.63);
    assert.equal(emv.expression, '3 × 0.125 + 1,234 ÷ 1000 × 7.50 = 9.63 USD');
  });

  it('is zero with nothing to count, and names the formula with its rates', () => {
    assert.equal(earnedMediaValueOf({ clicks: 0, reach: 0 }, { costPerClick: 2, costPerThousandImpressions: 10, currency: 'GBP' }).expression, '0 × 2.00 + 0 ÷ 1000 × 10.00 = 0.00 GBP');
    assert.deepEqual(formulaOf({ costPerClick: 2, costPerThousandImpressions: 10, currency: 'GBP' }), { formula: EMV_FORMULA, rates: { costPerClick: 2, costPerThousandImpressions: 10, currency: 'GBP' } });
  });
});

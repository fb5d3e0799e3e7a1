import { it, describe } from 'node:test';
import assert from 'node:assert/strict';
import { csvTable } from './csv-table.ts';

describe('CSV tables', () => {
  it('quotes what needs quoting and defuses cells a spreadsheet would run', () => {
    const csv = csvTable(['name', 'clicks'], [['Ann, "the" lead', 3], ['=HYPERLINK("x")', -1], ['line\nbreak', null], ['-5', 0]]);
    assert.equal(csv, 'name,clicks\r\n"Ann, ""the"" lead",3\r\n"\'=HYPERLINK(""x"")",-1\r\n"line\nbreak",\r\n\'-5,0\r\n');
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connectorFor, listConnectors } from './index.ts';

describe('connector registry', () => {
  it('lists each connector once under a unique kind', () => {
    const kinds = listConnectors().map((connector) => connector.kind);
    assert.ok(kinds.includes('rss'));
    assert.equal(new Set(kinds).size, kinds.length);
  });

  it('finds a connector by kind and answers undefined for an unknown kind', () => {
    assert.equal(connectorFor('rss')?.displayName, 'RSS / Atom / JSON Feed');
    assert.equal(connectorFor('myspace'), undefined);
  });
});

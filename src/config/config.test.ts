import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, describeSettings, loadConfig } from './index.ts';

describe('configuration', () => {
  it('loads the defaults from an empty environment', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.deepEqual(config.roles, ['api', 'worker']);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.seedDemo, true);
    assert.equal(config.bodyLimitBytes, 1024 * 1024);
    assert.equal(config.importLimitBytes, 20 * 1024 * 1024);
    assert.equal(config.passwordCost, 15);
  });

  it('reads and parses values from the environment', () => {
    const config = loadConfig({ HERD_PORT: ' 8080 ', HERD_ROLES: 'worker', HERD_SEED_DEMO: 'off', DATABASE_URL: 'postgres://u@db:5432/herd' });
    assert.equal(config.port, 8080);
    assert.deepEqual(config.roles, ['worker']);
    assert.equal(config.seedDemo, false);
    assert.equal(config.databaseUrl, 'postgres://u@db:5432/herd');
  });

  it('lets overrides win over the environment', () => {
    assert.equal(loadConfig({ HERD_PORT: 'abc' }, { port: 1234 }).port, 1234);
  });

  it('lists every bad value in one ConfigError', () => {
    const error = (() => {
      try {
        loadConfig({ HERD_PORT: 'abc', HERD_ROLES: 'web', DATABASE_URL: 'mysql://x', HERD_SEED_DEMO: 'maybe', HERD_PASSWORD_COST: '99' });
      } catch (caught) {
        return caught;
      }
      assert.fail('loadConfig accepted bad values');
    })();
    assert.ok(error instanceof ConfigError);
    assert.equal(error.problems.length, 5);
    for (const variable of ['HERD_PORT', 'HERD_ROLES', 'DATABASE_URL', 'HERD_SEED_DEMO', 'HERD_PASSWORD_COST']) {
      assert.ok(error.problems.some((p) => p.startsWith(variable)), variable);
      assert.ok(error.message.includes(variable), variable);
    }
  });

  it('reads the trusted proxies as addresses, ranges and named ranges, naming an entry that is none', () => {
    assert.deepEqual(loadConfig({}).trustProxy, []);
    assert.deepEqual(loadConfig({ HERD_TRUST_PROXY: '10.0.0.0/8, ::1,loopback' }).trustProxy, ['10.0.0.0/8', '::1', 'loopback']);
    assert.throws(() => loadConfig({ HERD_TRUST_PROXY: '10.0.0.1, proxy.internal' }), (error: unknown) =>
      error instanceof ConfigError && error.problems.length === 1 && /^HERD_TRUST_PROXY.*"proxy\.internal"/.test(error.problems[0]!));
    assert.throws(() => loadConfig({ HERD_TRUST_PROXY: '10.0.0.0/33' }), /HERD_TRUST_PROXY.*"10\.0\.0\.0\/33"/);
  });

  it('never echoes a password from DATABASE_URL', () => {
    for (const url of ['mysql://herd:s3cretPassw0rd@db/herd', 'postgres://herd:s3cretPassw0rd@db:notaport/herd', 'not a url herd:s3cretPassw0rd@db']) {
      try {
        loadConfig({ DATABASE_URL: url });
        assert.fail(`accepted ${url}`);
      } catch (error) {
        assert.ok(error instanceof ConfigError, String(error));
        assert.equal(error.message.includes('s3cretPassw0rd'), false, error.message);
        assert.equal(error.problems.join('\n').includes('s3cretPassw0rd'), false);
      }
    }
  });

  it('documents every variable', () => {
    const table = describeSettings();
    for (const variable of ['HERD_PORT', 'DATABASE_URL', 'HERD_IMPORT_LIMIT_BYTES']) assert.ok(table.includes(variable), variable);
  });
});

// For tests: the ConnectorError a call fails with (the test fails when it succeeds, or
// fails with anything else).
import assert from 'node:assert/strict';
import { ConnectorError } from './connector.ts';

export async function connectorFailure(call: Promise<unknown>): Promise<ConnectorError> {
  const error = await call.then(() => assert.fail('expected a ConnectorError'), (caught: unknown) => caught);
  assert.ok(error instanceof ConnectorError, String(error));
  return error;
}

// What a connector says when a request that publishes got no answer: the reply may
// have gone out, and only a retry with the same idempotency key can tell safely.
import { ConnectorError } from './connector.ts';

const MAY_HAVE_GONE_OUT = 'the reply may have been published; retrying is safe, it will not be published twice';

/**
 * Rethrowable form of a failed publishing request: a timeout or broken connection (from
 * the guarded client, or the caller's deadline signal) becomes 'unavailable' saying the
 * outcome is unknown; a deliberate abort (shutdown) is passed on as it is.
 */
export function publishRequestFailure(error: unknown, signal: AbortSignal, host: string): unknown {
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    const deadline = reason instanceof DOMException && reason.name === 'TimeoutError';
    return deadline ? new ConnectorError('unavailable', `no answer from ${host} before the deadline: ${MAY_HAVE_GONE_OUT}`, { cause: reason }) : reason;
  }
  if (error instanceof ConnectorError && error.kind === 'unavailable') return new ConnectorError('unavailable', `${error.message}: ${MAY_HAVE_GONE_OUT}`, { cause: error });
  return error;
}

// Long work (an import of many rows) answered as it goes, for clients that ask for it
// with `Accept: application/x-ndjson`: one `{"progress":{"done","total"}}` line per
// step, then `{"result": ...}`, or `{"status", "error": {code, message, details}}`.
// Checks that can refuse the request (access, the source) run before, so they keep
// their plain HTTP status; only failures during the work arrive as an error line.
import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clientErrorOf, errorBody } from './error-handler.ts';

export interface Progress { done: number; total: number }

export const wantsProgress = (request: FastifyRequest) => String(request.headers.accept ?? '').includes('application/x-ndjson');

export function sendWithProgress<T>(request: FastifyRequest, reply: FastifyReply, work: (onProgress: (progress: Progress) => void) => Promise<T>): FastifyReply {
  const lines = new PassThrough();
  const send = (value: unknown) => lines.write(`${JSON.stringify(value)}\n`);
  // At most about a hundred progress lines, however many steps the work reports.
  let sentDone = -1;
  const report = (progress: Progress) => {
    if (progress.done !== progress.total && sentDone >= 0 && progress.done - sentDone < progress.total / 100) return;
    sentDone = progress.done;
    send({ progress });
  };
  work(report).then(
    (result) => lines.end(`${JSON.stringify({ result })}\n`),
    (error: Error) => {
      const known = clientErrorOf(error, request);
      lines.end(`${JSON.stringify({ status: known.status, ...errorBody(known) })}\n`);
    },
  );
  return reply.type('application/x-ndjson').header('cache-control', 'no-store').send(lines);
}

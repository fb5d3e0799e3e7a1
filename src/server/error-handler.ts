// One error body for every failure: { error: { code, message, details } }.
// Client mistakes (4xx) say exactly what and where; our own failures (5xx) are
// logged with their stack and reach the client only as a generic message.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorCatalogue, invalid, type ErrorCode, type FieldProblem } from '../errors.ts';

interface AjvProblem { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> }

function validationProblems(error: FastifyError): FieldProblem[] {
  const where = error.validationContext ?? 'body';
  return (error.validation as AjvProblem[]).map((problem) => {
    const path = problem.instancePath.split('/').filter(Boolean).join('.');
    const missing = problem.keyword === 'required' ? String(problem.params.missingProperty) : undefined;
    const field = [where, path, missing].filter(Boolean).join('.');
    const allowed = problem.keyword === 'enum' ? `: ${(problem.params.allowedValues as string[]).join(', ')}` : '';
    return { field, message: missing ? 'is required' : `${problem.message ?? 'is not valid'}${allowed}` };
  });
}

/** Fastify's own client errors, translated into our catalogue. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
};

export function toAppError(error: FastifyError | AppError | Error): AppError | undefined {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) return invalid(validationProblems(fastifyError));
  const code = fastifyError.code && fastifyCodes[fastifyError.code];
  if (code) return new AppError(code, code === 'BAD_REQUEST' ? `The body is not valid JSON: ${fastifyError.message}` : undefined);
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new AppError('BAD_REQUEST', fastifyError.message);
  }
  return undefined;
}

export function errorBody(error: AppError) {
  return { error: { code: error.code, message: error.message, ...(error.details !== undefined && { details: error.details }) } };
}

export function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  return reply.status(error.status).type('application/json').send(errorBody(error));
}

/** The AppError a client may see for any failure; unknown ones are logged and become INTERNAL. */
export function clientErrorOf(error: Error, request: FastifyRequest): AppError {
  const known = toAppError(error);
  if (known) return known;
  request.log.error({ err: error }, 'request failed');
  return new AppError('INTERNAL', errorCatalogue.INTERNAL.message);
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => sendError(reply, clientErrorOf(error, request)));
}

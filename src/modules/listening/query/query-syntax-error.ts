// The error a query that cannot be parsed throws: where (a 0-based character offset),
// what the parser expected there, and a message that says both, such as
// `Expected ")" to close the "(" at 12, at 30`.
import { AppError } from '../../../errors.ts';

export interface QueryProblem {
  field: string;
  message: string;
  /** 0-based offset into the query text. */
  position: number;
  /** What would have been valid at `position`, e.g. `a term or "("`. */
  expected: string;
}

export class QuerySyntaxError extends AppError {
  readonly position: number;
  readonly expected: string;

  /** `problem` is the message without its position, which is appended as ", at N". */
  constructor(problem: string, position: number, expected: string, field = 'query') {
    const message = `${problem}, at ${position}`;
    super('VALIDATION_FAILED', message, [{ field, message, position, expected } satisfies QueryProblem]);
    this.name = 'QuerySyntaxError';
    this.position = position;
    this.expected = expected;
  }
}

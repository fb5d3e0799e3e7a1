// Recognizes PostgreSQL error codes through both drivers (node-postgres puts the code on
// the error, Drizzle may wrap it as the cause).
const codeOf = (error: unknown): string | undefined =>
  (error as { code?: string })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;

export const isUniqueViolation = (error: unknown) => codeOf(error) === '23505';

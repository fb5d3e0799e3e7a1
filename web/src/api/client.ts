// The one way the web app talks to the Herd server. Every request goes to `/api`,
// carries the session cookie, sends the CSRF token on anything that changes data,
// and turns the server's error body `{ error: { code, message, details } }` into an
// ApiError so screens can show the message, the code and per-field problems.

export interface FieldProblem {
  /** Where the problem is, as the server names it, e.g. `body.email`. */
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** The per-field problems of a validation error; empty when the server sent none. */
  get fieldProblems(): FieldProblem[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (item): item is FieldProblem => typeof item?.field === 'string' && typeof item?.message === 'string',
    );
  }
}

export const isApiError = (error: unknown, code?: string): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code);

/** One page of a cursor-paginated list; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A list is sent as the key repeated (`mentionIds=a&mentionIds=b`), which the server reads as an array. */
export type QueryParams = Record<string, string | number | readonly string[] | null | undefined>;

type Body = { json: unknown } | { text: string; contentType: string };

let csrfToken: string | null = null;

/** The session response hands out the CSRF token; remember it for later writes. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function toUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (typeof error?.code === 'string' && typeof error.message === 'string') {
    return new ApiError(response.status, error.code, error.message, error.details);
  }
  return new ApiError(response.status, 'UNEXPECTED_RESPONSE', `The server answered ${response.status} ${response.statusText}.`);
}

/** A successful response, or an ApiError: the server's, or NETWORK_ERROR when it cannot be reached. */
async function send(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'The Herd server cannot be reached. Check your connection and try again.');
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function request<T>(method: string, path: string, query?: QueryParams, body?: Body): Promise<T> {
  const headers = new Headers({ accept: 'application/json' });
  if (method !== 'GET' && csrfToken) headers.set('x-csrf-token', csrfToken);
  let payload: string | undefined;
  if (body && 'json' in body) {
    headers.set('content-type', 'application/json');
    payload = JSON.stringify(body.json);
  } else if (body) {
    headers.set('content-type', body.contentType);
    payload = body.text;
  }

  const response = await send(toUrl(path, query), { method, headers, body: payload });
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export interface Progress { done: number; total: number }

/** Reads the server's progress lines (server/progress-response.ts) until the result or the error. */
async function readProgressLines<T>(response: Response, onProgress: (progress: Progress) => void): Promise<T> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffered += value ?? '';
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      const message = JSON.parse(line) as { progress?: Progress; result?: T; status?: number; error?: { code: string; message: string; details?: unknown } };
      if (message.progress) onProgress(message.progress);
      else if (message.error) throw new ApiError(message.status ?? 500, message.error.code, message.error.message, message.error.details);
      else return message.result as T;
    }
    if (done) throw new ApiError(0, 'NETWORK_ERROR', 'The connection closed before the work was finished. Check what was stored, then try again.');
  }
}

/** Sends a text body for long work and reports its progress as the server makes it. */
async function postTextWithProgress<T>(path: string, text: string, contentType: string, onProgress: (progress: Progress) => void): Promise<T> {
  const headers = new Headers({ accept: 'application/x-ndjson', 'content-type': contentType });
  if (csrfToken) headers.set('x-csrf-token', csrfToken);
  const response = await send(toUrl(path), { method: 'POST', headers, body: text });
  return readProgressLines<T>(response, onProgress);
}

export const api = {
  get: <T>(path: string, query?: QueryParams) => request<T>('GET', path, query),
  post: <T>(path: string, json?: unknown) => request<T>('POST', path, undefined, json === undefined ? undefined : { json }),
  patch: <T>(path: string, json: unknown) => request<T>('PATCH', path, undefined, { json }),
  put: <T>(path: string, json: unknown) => request<T>('PUT', path, undefined, { json }),
  delete: (path: string) => request<void>('DELETE', path),
  postText: <T>(path: string, text: string, contentType: string) =>
    request<T>('POST', path, undefined, { text, contentType }),
  postTextWithProgress,
};

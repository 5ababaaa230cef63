import type { components } from './schema/queue';

/** RFC 9457 problem details, as every service answers an error (the same schema in each document). */
export type Problem = components['schemas']['Problem'];
export type FieldError = components['schemas']['FieldError'];

const PROBLEM_BASE = 'https://medi-os.dev/problems/';

/** An error answer of the API; `problem` is its body when it was problem+json. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;
  readonly headers: Headers | undefined;

  constructor(status: number, problem: Problem | undefined, headers?: Headers) {
    super(problem?.detail ?? problem?.title ?? `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.headers = headers;
  }

  /** The problem's kind: the last segment of its type URI (`possible-duplicate`, `reauthentication-required`, …). */
  get kind(): string | undefined {
    const type = this.problem?.type;
    return type?.startsWith(PROBLEM_BASE) ? type.slice(PROBLEM_BASE.length) : undefined;
  }

  /** Field errors by field path, for forms. */
  fieldErrors(): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const error of this.problem?.errors ?? []) {
      if (error.field) errors[error.field] = error.message ?? 'Invalid';
    }
    return errors;
  }
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

/** What to show a user for any error: the problem's detail (safe to show), else a generic sentence. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const requestId = error.problem?.requestId ? ` (request ${error.problem.requestId})` : '';
    return (error.problem?.detail ?? error.problem?.title ?? `The server answered ${error.status}.`) +
      (error.status >= 500 ? requestId : '');
  }
  if (error instanceof TypeError) return 'The server cannot be reached. Check the connection and try again.';
  return error instanceof Error ? error.message : 'Something went wrong.';
}

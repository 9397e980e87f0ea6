// A few coded errors, mapped to HTTP once. Internal messages never reach the client.
import type { ErrorCode } from "@oars/core";

const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  too_many: 429,
  internal: 500,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const invalid = (field: string, message: string) =>
  new AppError("invalid", `${field}: ${message}`, field);
export const unauthenticated = (message = "Sign in first") => new AppError("unauthenticated", message);
export const forbidden = (message = "You may read this but not change it") =>
  new AppError("forbidden", message);
export const notFound = (what = "Record") => new AppError("not_found", `${what} not found`);
export const conflict = (message = "Someone else changed this record; reload and try again") =>
  new AppError("conflict", message);
export const tooMany = (retryAfterSeconds: number) =>
  new AppError(
    "too_many",
    `Too many attempts; try again in ${retryAfterSeconds} s`,
    undefined,
    retryAfterSeconds,
  );

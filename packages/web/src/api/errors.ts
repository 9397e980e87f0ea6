// Turning API errors into words for people, and into per-field messages for forms.
import { isApiError } from "./client";

export const CONFLICT_MESSAGE =
  "Someone else changed this in the meantime. The latest version is loaded; check it and try again.";

/** A sentence to show for any failure. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.status === 409 && error.code === "conflict") return CONFLICT_MESSAGE;
    if (error.status === 429) return error.message || "Too many attempts. Wait a minute and try again.";
    if (error.status === 403) return error.message || "You don't have permission to do that.";
    return sentence(error.field ? withoutFieldPrefix(error.message, error.field) : error.message);
  }
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}

export type FieldErrors = Partial<Record<string, string>>;

/** The field a server error names, keyed the way the form names its inputs (e.g. "admin.email"). */
export function apiFieldErrors(error: unknown, known: readonly string[]): FieldErrors {
  if (!isApiError(error) || !error.field) return {};
  const field = error.field;
  const match =
    known.find((name) => name === field) ??
    known.find((name) => field.startsWith(`${name}.`)) ??
    known.find((name) => field.endsWith(`.${name}`));
  return match ? { [match]: sentence(withoutFieldPrefix(error.message, field)) } : {};
}

/** "email: is already used" reads as "Is already used" next to the Email field it already sits by. */
function withoutFieldPrefix(message: string, field: string): string {
  const colon = message.indexOf(":");
  if (colon < 0) return message;
  const prefix = message.slice(0, colon).trim().toLowerCase();
  const last = field.split(".").pop()?.toLowerCase() ?? "";
  return prefix === field.toLowerCase() || prefix === last ? message.slice(colon + 1).trim() : message;
}

/** The server error that no field of the form shows. */
export function formLevelError(error: unknown, known: readonly string[]): string | null {
  if (!error) return null;
  return Object.keys(apiFieldErrors(error, known)).length > 0 ? null : errorMessage(error);
}

/** The first problem per field of a failed zod parse, keyed by its dotted path. */
interface Issue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  minimum?: unknown;
  origin?: string;
}

export function zodFieldErrors(error: { issues: readonly Issue[] }): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    if (out[key] === undefined) out[key] = sentence(issueMessage(issue));
  }
  return out;
}

/** Zod's own wording ("Too small: expected string to have >=1 characters") for an empty field. */
function issueMessage(issue: Issue): string {
  const empty = issue.code === "too_small" && issue.origin === "string" && Number(issue.minimum) === 1;
  return empty ? "must not be empty" : issue.message;
}

/** Contract messages read "must be …"; next to a field they start with a capital. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

// Client-side checks that stay quiet until the first submit, then follow the values live, so an
// error disappears as soon as the person fixes it.
import { useState } from "react";
import { zodFieldErrors } from "../api/errors";
import type { FieldErrors } from "../api/errors";

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}
/** The shape of zod's safeParse result, which hand-written checks can build too. */
export type CheckResult<T> =
  { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };

export function useValidation<T>(result: CheckResult<T>) {
  const [attempted, setAttempted] = useState(false);
  const errors: FieldErrors = attempted && !result.success ? zodFieldErrors(result.error) : {};
  return {
    errors,
    /** Marks the form as submitted and returns its valid data, or null when something is wrong. */
    validate: (): T | null => {
      setAttempted(true);
      return result.success ? result.data : null;
    },
    reset: () => setAttempted(false),
  };
}

/** Builds a CheckResult from problems found by hand (field → message, null when fine). */
export function checked<T>(data: T, problems: Record<string, string | null | undefined>): CheckResult<T> {
  const issues = Object.entries(problems).flatMap(([field, message]) =>
    message ? [{ path: [field], message }] : [],
  );
  return issues.length === 0 ? { success: true, data } : { success: false, error: { issues } };
}

// A new-password input that says at once what is wrong with the password, using the same rules
// as the server (passwordProblem from @oars/core).
import { passwordProblem } from "@oars/core";
import { sentence } from "../api/errors";
import { Field } from "./Field";

interface PasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  context?: { email?: string; name?: string };
  /** A server error for this field, shown instead of the live check. */
  error?: string | null | undefined;
  name?: string;
  autoFocus?: boolean;
}

export function PasswordField({
  label,
  value,
  onChange,
  context,
  error,
  name,
  autoFocus,
}: PasswordFieldProps) {
  const problem = value === "" ? null : passwordProblem(value, context);
  const status = error
    ? null
    : value === ""
      ? "At least 12 characters. A few unrelated words make a strong one."
      : problem
        ? `Password ${problem}.`
        : "Looks good.";
  return (
    <Field
      label={label}
      error={error}
      hint={
        <span className={problem ? "hint-warn" : value ? "hint-ok" : ""} aria-live="polite">
          {status}
        </span>
      }
    >
      {(control) => (
        <input
          {...control}
          className="input"
          type="password"
          name={name}
          autoComplete="new-password"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoFocus={autoFocus}
          data-autofocus={autoFocus ? true : undefined}
        />
      )}
    </Field>
  );
}

/** The live problem of a new password as a form error, or null when it passes. */
export function newPasswordError(value: string, context?: { email?: string; name?: string }): string | null {
  const problem = passwordProblem(value, context);
  return problem ? sentence(`password ${problem}`) : null;
}

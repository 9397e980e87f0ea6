// Change one's password, with the new one checked as it is typed.
import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { api } from "../api/client";
import { apiFieldErrors, formLevelError } from "../api/errors";
import { useSession } from "../auth/session";
import { Field, FormError } from "../ui/Field";
import { PasswordField, newPasswordError } from "../ui/PasswordField";
import { checked, useValidation } from "../ui/useValidation";
import { useToast } from "../ui/Toast";

const FIELDS = ["currentPassword", "newPassword"] as const;

export function ChangePasswordForm() {
  const { person } = useSession();
  const notify = useToast();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const context = { email: person.email, name: person.name };
  const problem = newPasswordError(newPassword, context);
  const check = useValidation(
    checked(
      { currentPassword, newPassword },
      {
        currentPassword: currentPassword === "" ? "Enter your current password" : null,
        newPassword: problem,
        confirm: !problem && confirm !== newPassword ? "The two passwords differ" : null,
      },
    ),
  );

  const change = useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api.post<void>("/api/v1/me/password", input, { expectUnauthenticated: true }),
    onSuccess: () => {
      check.reset();
      setCurrentPassword("");
      setNewPassword("");
      setConfirm("");
      notify("Password changed");
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = check.validate();
    if (input) change.mutate(input);
  }

  const serverErrors = apiFieldErrors(change.error, FIELDS);
  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title" className="card-title">
        Password
      </h2>
      <form className="stack" onSubmit={submit} noValidate aria-label="Change password">
        <input type="text" name="username" autoComplete="username" value={person.email} readOnly hidden />
        <Field label="Current password" error={check.errors.currentPassword ?? serverErrors.currentPassword}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="password"
              autoComplete="current-password"
              value={currentPassword}
              onChange={(event) => setCurrentPassword(event.target.value)}
            />
          )}
        </Field>
        <PasswordField
          label="New password"
          value={newPassword}
          onChange={setNewPassword}
          context={context}
          error={check.errors.newPassword ?? serverErrors.newPassword}
        />
        <Field label="Confirm new password" error={check.errors.confirm}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(event) => setConfirm(event.target.value)}
            />
          )}
        </Field>
        <FormError message={formLevelError(change.error, FIELDS)} />
        <div>
          <button type="submit" className="button button-primary" disabled={change.isPending}>
            Change password
          </button>
        </div>
      </form>
    </section>
  );
}

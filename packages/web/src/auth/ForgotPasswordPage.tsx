// Ask for a reset link by email; without email configured, say who can issue one instead.
import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ForgotPassword } from "@oars/core";
import { api } from "../api/client";
import { apiFieldErrors, formLevelError } from "../api/errors";
import { Field, FormError } from "../ui/Field";
import { useValidation } from "../ui/useValidation";
import { AuthLayout } from "./AuthLayout";

const FIELDS = ["email"] as const;

export function ForgotPasswordPage() {
  const [email, setEmail] = useState("");
  const request = useMutation({
    mutationFn: (input: { email: string }) =>
      api.post<{ emailed: boolean }>("/api/v1/auth/forgot-password", input),
  });

  const check = useValidation(ForgotPassword.safeParse({ email }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = check.validate();
    if (input) request.mutate(input);
  }

  if (request.data) {
    return (
      <AuthLayout title="Check your email">
        <div className="card stack" role="status">
          {request.data.emailed ? (
            <p>
              If {email} has an Oars account, a link to set a new password is on its way. It works once and
              expires soon.
            </p>
          ) : (
            <p>
              This Oars server does not send email. Ask an administrator of your organisation for a password
              reset link: they can create one from the Team page.
            </p>
          )}
          <Link className="button button-block" to="/sign-in">
            Back to sign in
          </Link>
        </div>
      </AuthLayout>
    );
  }

  const errors = { ...apiFieldErrors(request.error, FIELDS), ...check.errors };
  return (
    <AuthLayout
      title="Reset your password"
      intro={<p>Enter your email and we'll send you a link to set a new password.</p>}
    >
      <form className="card stack" onSubmit={submit} noValidate aria-label="Reset your password">
        <Field label="Email" error={errors.email}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="email"
              autoComplete="username"
              autoFocus
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <FormError message={formLevelError(request.error, FIELDS)} />
        <button type="submit" className="button button-primary button-block" disabled={request.isPending}>
          Send reset link
        </button>
        <p className="center muted small">
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </form>
    </AuthLayout>
  );
}

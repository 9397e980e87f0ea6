// Set a password from a one-time invite or reset link (/set-password?token=…), then sign in.
import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, getRouteApi, useRouter } from "@tanstack/react-router";
import type { Session } from "@oars/core";
import { api, isApiError } from "../api/client";
import { apiFieldErrors, errorMessage } from "../api/errors";
import { Field, FormError } from "../ui/Field";
import { PasswordField, newPasswordError } from "../ui/PasswordField";
import { checked, useValidation } from "../ui/useValidation";
import { AuthLayout } from "./AuthLayout";
import { acceptSession } from "./session";

const route = getRouteApi("/set-password");

export function SetPasswordPage() {
  const { token } = route.useSearch();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const problem = newPasswordError(password);
  const check = useValidation(
    checked(password, {
      password: problem,
      confirm: !problem && confirm !== password ? "The two passwords differ" : null,
    }),
  );
  const setPasswordMutation = useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      api.post<Session>("/api/v1/auth/set-password", input, { expectUnauthenticated: true }),
    onSuccess: (session) => {
      acceptSession(queryClient, session);
      router.history.push("/");
    },
  });

  if (!token) {
    return (
      <AuthLayout title="This link is incomplete">
        <div className="card stack">
          <p>
            The link to set your password is missing its code. Open the whole link you were given, or ask your
            administrator for a new one.
          </p>
          <Link className="button button-block" to="/sign-in">
            Go to sign in
          </Link>
        </div>
      </AuthLayout>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const valid = check.validate();
    if (valid !== null && token) setPasswordMutation.mutate({ token, password: valid });
  }

  const serverErrors = apiFieldErrors(setPasswordMutation.error, ["password"]);
  const failure = setPasswordMutation.error;
  const linkDead =
    isApiError(failure) && !serverErrors.password
      ? failure.field === "token" || failure.status === 404
        ? "This link is unknown, already used or expired. Ask your administrator for a new one."
        : errorMessage(failure)
      : null;
  return (
    <AuthLayout title="Set your password" intro={<p>Choose the password you'll use to sign in to Oars.</p>}>
      <form className="card stack" onSubmit={submit} noValidate aria-label="Set your password">
        <PasswordField
          label="New password"
          value={password}
          onChange={setPassword}
          error={check.errors.password ?? serverErrors.password}
          autoFocus
        />
        <Field label="Confirm password" error={check.errors.confirm}>
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
        <FormError message={linkDead} />
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={setPasswordMutation.isPending}
        >
          Set password and sign in
        </button>
      </form>
    </AuthLayout>
  );
}

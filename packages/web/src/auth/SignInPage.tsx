// Sign in with email and password; on success go back to where the person was heading.
import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, getRouteApi, useRouter } from "@tanstack/react-router";
import { SignIn } from "@oars/core";
import type { Session } from "@oars/core";
import { api } from "../api/client";
import { apiFieldErrors, formLevelError } from "../api/errors";
import { Field, FormError } from "../ui/Field";
import { useValidation } from "../ui/useValidation";
import { AuthLayout } from "./AuthLayout";
import { acceptSession, safeRedirect } from "./session";

const route = getRouteApi("/sign-in");
const FIELDS = ["email", "password"] as const;

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      api.post<Session>("/api/v1/auth/sign-in", input, { expectUnauthenticated: true }),
    onSuccess: (session) => acceptSession(queryClient, session),
  });
}

export function SignInPage() {
  const search = route.useSearch();
  const router = useRouter();
  const signIn = useSignIn();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const check = useValidation(SignIn.safeParse({ email, password }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = check.validate();
    if (input) signIn.mutate(input, { onSuccess: () => router.history.push(safeRedirect(search.redirect)) });
  }

  const errors = { ...apiFieldErrors(signIn.error, FIELDS), ...check.errors };
  return (
    <AuthLayout title="Sign in to Oars">
      <form className="card stack" onSubmit={submit} noValidate aria-label="Sign in">
        <Field label="Email" error={errors.email}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="email"
              name="email"
              autoComplete="username"
              autoFocus
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field label="Password" error={errors.password}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <FormError message={formLevelError(signIn.error, FIELDS)} />
        <button type="submit" className="button button-primary button-block" disabled={signIn.isPending}>
          {signIn.isPending ? "Signing in…" : "Sign in"}
        </button>
        <p className="center muted small">
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
      </form>
    </AuthLayout>
  );
}

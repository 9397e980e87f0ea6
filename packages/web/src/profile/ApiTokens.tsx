// Personal API tokens for scripts and the CLI: list, create (the secret is shown once), revoke.
import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Name } from "@oars/core";
import type { ApiToken, TokenScope } from "@oars/core";
import { api } from "../api/client";
import { apiFieldErrors, errorMessage, formLevelError } from "../api/errors";
import { CopyField } from "../ui/CopyField";
import { ConfirmDialog } from "../ui/Dialog";
import { Field, FormError } from "../ui/Field";
import { Empty, ErrorNotice, Loading } from "../ui/Status";
import { useToast } from "../ui/Toast";
import { formatInstant } from "../ui/format";
import { useValidation } from "../ui/useValidation";

const tokensKey = ["tokens"] as const;
const SCOPE_LABELS: Record<TokenScope, string> = { read: "Read only", "read-write": "Read and write" };

export function ApiTokens() {
  const queryClient = useQueryClient();
  const notify = useToast();
  const tokens = useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => api.get<{ items: ApiToken[] }>("/api/v1/tokens", { signal }),
  });
  const [name, setName] = useState("");
  const [scope, setScope] = useState<TokenScope>("read");
  const check = useValidation(Name.safeParse(name));
  const [created, setCreated] = useState<{ token: ApiToken; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const create = useMutation({
    mutationFn: (input: { name: string; scope: TokenScope }) =>
      api.post<{ token: ApiToken; secret: string }>("/api/v1/tokens", input),
    onSuccess: (result) => {
      setCreated(result);
      setName("");
      check.reset();
      void queryClient.invalidateQueries({ queryKey: tokensKey });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/tokens/${id}`),
    onSuccess: () => {
      notify(`Token ${revoking?.name ?? ""} revoked`);
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: tokensKey });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const valid = check.validate();
    if (valid === null) return;
    setCreated(null);
    create.mutate({ name: valid, scope });
  }

  const list = [...(tokens.data?.items ?? [])].sort(
    (a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null),
  );
  return (
    <section className="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title" className="card-title">
        API tokens
      </h2>
      <p className="muted small">
        For scripts and the <code>oars</code> command line. Send one as <code>Authorization: Bearer …</code>.
        A token acts as you, limited to its scope.
      </p>

      <form className="inline-form token-form" onSubmit={submit} noValidate aria-label="Create API token">
        <Field
          label="Token name"
          error={check.errors[""] ?? apiFieldErrors(create.error, ["name"]).name}
          className="grow"
        >
          {(control) => (
            <input
              {...control}
              className="input"
              placeholder="e.g. Nightly CRM export"
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field label="Scope">
          {(control) => (
            <select
              {...control}
              className="input"
              value={scope}
              onChange={(event) => setScope(event.target.value as TokenScope)}
            >
              <option value="read">{SCOPE_LABELS.read}</option>
              <option value="read-write">{SCOPE_LABELS["read-write"]}</option>
            </select>
          )}
        </Field>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          Create token
        </button>
      </form>
      <FormError message={formLevelError(create.error, ["name"])} />

      {created ? (
        <div className="secret-box" role="status">
          <p className="strong">Token “{created.token.name}” created. Copy it now: it is not shown again.</p>
          <CopyField
            label="Token secret"
            value={created.secret}
            copyLabel="Copy token"
            testId="token-secret"
          />
          <button type="button" className="link-button" onClick={() => setCreated(null)}>
            I've copied it
          </button>
        </div>
      ) : null}

      {tokens.isPending ? <Loading /> : null}
      {tokens.isError ? <ErrorNotice error={tokens.error} onRetry={() => void tokens.refetch()} /> : null}
      {tokens.isSuccess && list.length === 0 ? <Empty title="No tokens yet" /> : null}
      {list.length > 0 ? (
        <ul className="token-list" data-testid="token-list">
          {list.map((token) => (
            <li key={token.id} className={token.revokedAt ? "token-row token-revoked" : "token-row"}>
              <div className="token-main">
                <span className="strong">{token.name}</span>
                <span className="muted small">
                  {SCOPE_LABELS[token.scope]} · created {formatInstant(token.createdAt)} ·{" "}
                  {token.lastUsedAt ? `last used ${formatInstant(token.lastUsedAt)}` : "never used"}
                </span>
              </div>
              {token.revokedAt ? (
                <span className="tag tag-muted">Revoked {formatInstant(token.revokedAt)}</span>
              ) : (
                <button
                  type="button"
                  className="button button-small button-danger-quiet"
                  onClick={() => setRevoking(token)}
                  aria-label={`Revoke ${token.name}`}
                >
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}

      {revoking ? (
        <ConfirmDialog
          title={`Revoke “${revoking.name}”?`}
          confirmLabel="Revoke token"
          danger
          pending={revoke.isPending}
          error={revoke.error ? errorMessage(revoke.error) : null}
          onConfirm={() => revoke.mutate(revoking.id)}
          onClose={() => {
            setRevoking(null);
            revoke.reset();
          }}
        >
          <p>
            Scripts using this token stop working at once. This can't be undone; you can create a new token.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

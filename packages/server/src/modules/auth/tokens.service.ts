// Personal API tokens for scripts and the CLI: Bearer secrets with a read or read-write scope,
// stored hashed, revocable. A person sees and revokes only their own.
import type { ApiToken, TokenScope } from "@oars/core";
import { newId, newSecret, sha256 } from "../../db/ids";
import type { ApiTokensTable } from "../../db/schema";
import type { Q } from "../../db/tx";
import type { SignedInCtx } from "../../http/context";
import { invalid, notFound } from "../../http/errors";
import { recordAudit } from "../audit/audit.record";

export const TOKEN_PREFIX = "oars_";

export function presentToken(r: ApiTokensTable): ApiToken {
  return {
    id: r.id,
    name: r.name,
    scope: r.scope,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

export async function listTokens(ctx: SignedInCtx): Promise<ApiToken[]> {
  const rows = await ctx.db.k
    .selectFrom("api_tokens")
    .selectAll()
    .where("person_id", "=", ctx.actor.personId)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map(presentToken);
}

export async function createToken(
  ctx: SignedInCtx,
  input: { name: string; scope: TokenScope },
): Promise<{ token: ApiToken; secret: string }> {
  // A read-only token cannot mint a read-write one.
  if (ctx.actor.tokenScope === "read") throw invalid("scope", "a read-only token cannot create tokens");
  if (ctx.actor.role === "viewer" && input.scope === "read-write")
    throw invalid("scope", "a viewer's tokens read only");
  return ctx.db.k.transaction().execute((tx) => insertToken(tx, ctx, ctx.actor, input));
}

export async function insertToken(
  q: Q,
  ctx: Pick<SignedInCtx, "requestId" | "actor" | "db" | "config" | "mailer" | "ip" | "origin">,
  person: { personId: string; orgId: string },
  input: { name: string; scope: TokenScope },
): Promise<{ token: ApiToken; secret: string }> {
  const secret = TOKEN_PREFIX + newSecret();
  const row: ApiTokensTable = {
    id: newId(),
    org_id: person.orgId,
    person_id: person.personId,
    name: input.name,
    token_hash: sha256(secret),
    scope: input.scope,
    created_at: new Date().toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await q.insertInto("api_tokens").values(row).execute();
  await recordAudit(q, ctx, person.orgId, {
    entity: "api_token",
    entityId: row.id,
    action: "create",
    after: presentToken(row),
  });
  return { token: presentToken(row), secret };
}

export async function getToken(ctx: SignedInCtx, id: string): Promise<ApiToken> {
  const row = await ctx.db.k
    .selectFrom("api_tokens")
    .selectAll()
    .where("id", "=", id)
    .where("person_id", "=", ctx.actor.personId)
    .executeTakeFirst();
  if (!row) throw notFound("Token");
  return presentToken(row);
}

export async function revokeToken(ctx: SignedInCtx, id: string): Promise<void> {
  await ctx.db.k.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom("api_tokens")
      .selectAll()
      .where("id", "=", id)
      .where("person_id", "=", ctx.actor.personId)
      .executeTakeFirst();
    // Someone else's token is not yours to know about: 404, like a token that never existed.
    if (!row) throw notFound("Token");
    if (row.revoked_at) return;
    const revokedAt = new Date().toISOString();
    await tx.updateTable("api_tokens").set({ revoked_at: revokedAt }).where("id", "=", id).execute();
    await recordAudit(tx, ctx, row.org_id, {
      entity: "api_token",
      entityId: id,
      action: "revoke",
      before: presentToken(row),
      after: presentToken({ ...row, revoked_at: revokedAt }),
    });
  });
}

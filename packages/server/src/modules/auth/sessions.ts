// Sessions: a 256-bit random token in an HttpOnly cookie; only its SHA-256 is stored. Each has an
// absolute expiry and an idle expiry; last-seen is refreshed at most once a minute to spare writes.
import type { Db } from "../../db/database";
import { newSecret, sha256 } from "../../db/ids";
import type { Q } from "../../db/tx";
import type { Actor } from "../../http/context";
import { currentDataVersion } from "../progress/data-version";

export const SESSION_COOKIE = "oars_session";
const TOUCH_EVERY_MS = 60_000;

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
}

export async function createSession(
  q: Q,
  person: { id: string; org_id: string },
  opts: { absoluteMs: number; ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = newSecret();
  const csrfToken = newSecret();
  const now = Date.now();
  const expiresAt = new Date(now + opts.absoluteMs).toISOString();
  await q
    .insertInto("sessions")
    .values({
      id: sha256(token),
      org_id: person.org_id,
      person_id: person.id,
      csrf_token: csrfToken,
      created_at: new Date(now).toISOString(),
      last_seen_at: new Date(now).toISOString(),
      expires_at: expiresAt,
      ip: opts.ip,
      user_agent: opts.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

const personColumns = ["p.id", "p.org_id", "p.role", "p.team_id", "p.name", "p.email", "p.active"] as const;

/** The actor behind a session cookie, or null when it is unknown, expired, idle or deactivated. */
export async function actorFromSession(q: Q, token: string, idleMs: number): Promise<Actor | null> {
  const id = sha256(token);
  const row = await q
    .selectFrom("sessions as s")
    .innerJoin("people as p", "p.id", "s.person_id")
    .select([...personColumns, "s.csrf_token", "s.last_seen_at", "s.expires_at"])
    .where("s.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  const lastSeen = Date.parse(row.last_seen_at);
  if (row.active !== 1 || now >= Date.parse(row.expires_at) || now - lastSeen >= idleMs) {
    await q.deleteFrom("sessions").where("id", "=", id).execute();
    return null;
  }
  if (now - lastSeen > TOUCH_EVERY_MS) {
    await q
      .updateTable("sessions")
      .set({ last_seen_at: new Date(now).toISOString() })
      .where("id", "=", id)
      .execute();
  }
  return {
    personId: row.id,
    orgId: row.org_id,
    role: row.role,
    teamId: row.team_id,
    name: row.name,
    email: row.email,
    via: "session",
    sessionId: id,
    csrfToken: row.csrf_token,
    tokenScope: null,
  };
}

/** The actor behind a personal API token (Bearer), or null. */
export async function actorFromApiToken(q: Q, secret: string): Promise<Actor | null> {
  const row = await q
    .selectFrom("api_tokens as t")
    .innerJoin("people as p", "p.id", "t.person_id")
    .select([...personColumns, "t.id as token_id", "t.scope", "t.revoked_at", "t.last_used_at"])
    .where("t.token_hash", "=", sha256(secret))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || row.active !== 1) return null;
  const now = Date.now();
  if (!row.last_used_at || now - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) {
    await q
      .updateTable("api_tokens")
      .set({ last_used_at: new Date(now).toISOString() })
      .where("id", "=", row.token_id)
      .execute();
  }
  return {
    personId: row.id,
    orgId: row.org_id,
    role: row.role,
    teamId: row.team_id,
    name: row.name,
    email: row.email,
    via: "token",
    sessionId: null,
    csrfToken: null,
    tokenScope: row.scope,
  };
}

export async function endSession(q: Q, sessionId: string): Promise<void> {
  await q.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

export async function endSessionsOf(q: Q, personId: string, except: string | null = null): Promise<number> {
  let del = q.deleteFrom("sessions").where("person_id", "=", personId);
  if (except) del = del.where("id", "!=", except);
  const res = await del.executeTakeFirst();
  return Number(res.numDeletedRows);
}

interface KeptToken {
  actor: Actor;
  version: number;
  expires: number;
  touchedAt: number;
}
const keptTokens = new WeakMap<Db, Map<string, KeptToken>>();
const KEEP_TOKEN_MS = 60_000;
const KEEP_TOKENS_MAX = 10_000;

/**
 * `actorFromApiToken`, kept in memory per database handle while the org's data version stands:
 * revoking a token and deactivating a person or changing their role or team are audited writes,
 * which bump the version in their own transaction (docs/decisions/008), so a kept actor is never
 * staler than the database on any instance. A warm API request then costs one primary-key read of
 * the version, which the progress routes reuse, instead of a join. `version` is null on a miss.
 */
export async function actorFromApiTokenKept(
  db: Db,
  secret: string,
): Promise<{ actor: Actor | null; version: number | null }> {
  let cache = keptTokens.get(db);
  if (!cache) keptTokens.set(db, (cache = new Map()));
  const hash = sha256(secret);
  const now = Date.now();
  const kept = cache.get(hash);
  if (kept && kept.expires > now) {
    const version = await currentDataVersion(db, kept.actor.orgId);
    if (version === kept.version) {
      if (now - kept.touchedAt > TOUCH_EVERY_MS) {
        kept.touchedAt = now;
        await db.k
          .updateTable("api_tokens")
          .set({ last_used_at: new Date(now).toISOString() })
          .where("token_hash", "=", hash)
          .execute();
      }
      return { actor: kept.actor, version };
    }
  }
  cache.delete(hash);
  const first = await actorFromApiToken(db.k, secret);
  if (!first) return { actor: null, version: null };
  // Read again after the version: a revocation committed since is seen now, or bumped the version
  // past the one kept.
  const version = await currentDataVersion(db, first.orgId);
  const actor = await actorFromApiToken(db.k, secret);
  if (!actor) return { actor: null, version: null };
  cache.set(hash, { actor, version, expires: now + KEEP_TOKEN_MS, touchedAt: now });
  if (cache.size > KEEP_TOKENS_MAX) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return { actor, version };
}

// What CLI commands share: settings, the database, and a context for services run by the CLI.
import { loadConfig, type Config } from "../config";
import { migrate, openDatabase, type Db } from "../db/database";
import type { Actor, SignedInCtx } from "../http/context";
import { createMailer } from "../mail";

export async function withDb<T>(
  fn: (db: Db, config: Config) => Promise<T>,
  overrides: Partial<Config> = {},
): Promise<T> {
  const config = loadConfig(process.env, overrides);
  const db = openDatabase(config);
  try {
    await migrate(db);
    return await fn(db, config);
  } finally {
    await db.close();
  }
}

/** The CLI acts as the org's first active admin (or the person named), for audit and permissions. */
export async function cliContext(db: Db, config: Config, asEmail?: string): Promise<SignedInCtx> {
  let q = db.k.selectFrom("people").selectAll().where("active", "=", 1);
  q = asEmail
    ? q.where("email", "=", asEmail.toLowerCase())
    : q.where("role", "=", "admin").orderBy("created_at");
  const p = await q.executeTakeFirst();
  if (!p)
    throw new Error(
      asEmail
        ? `No active person with email ${asEmail}`
        : "No organisation yet: run `oars setup` or `oars seed --demo`",
    );
  const actor: Actor = {
    personId: p.id,
    orgId: p.org_id,
    role: p.role,
    teamId: p.team_id,
    name: p.name,
    email: p.email,
    via: "token",
    sessionId: null,
    csrfToken: null,
    tokenScope: "read-write",
  };
  return {
    db,
    config,
    mailer: createMailer(config),
    actor,
    requestId: `cli-${process.pid}`,
    ip: null,
    origin: config.publicUrl ?? `http://localhost:${config.port}`,
  };
}

export function print(json: boolean, value: unknown, text: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
}

// Set-up, sign-in and passwords: the use cases behind the auth routes.
import { passwordProblem, type Session, type SetupInput } from "@oars/core";
import { newId, sha256 } from "../../db/ids";
import type { Q } from "../../db/tx";
import type { Ctx, SignedInCtx } from "../../http/context";
import { AppError, invalid, tooMany, unauthenticated } from "../../http/errors";
import { todayInZone } from "../../lib/dates";
import { recordAudit } from "../audit/audit.record";
import { presentOrg, presentPerson } from "../org/org.present";
import { consumePasswordLink, issuePasswordLink } from "./password-links";
import { hashPassword, verifyPassword } from "./passwords";
import { createSession, endSessionsOf, type NewSession } from "./sessions";
import { clearAccount, lockedFor, recordFailure, signInRules } from "./throttle";

export interface SignedIn {
  session: Session;
  token: string;
}

export async function needsSetup(ctx: Ctx): Promise<boolean> {
  const any = await ctx.db.k.selectFrom("orgs").select("id").limit(1).executeTakeFirst();
  return !any;
}

function checkPassword(password: string, who: { email?: string; name?: string }, field = "password"): void {
  const problem = passwordProblem(password, who);
  if (problem) throw invalid(field, problem);
}

/** First run: the organisation and its first admin, signed in at once. */
export async function setup(ctx: Ctx, input: SetupInput, client: ClientInfo): Promise<SignedIn> {
  checkPassword(input.admin.password, input.admin, "admin.password");
  const passwordHash = await hashPassword(input.admin.password);
  return ctx.db.k.transaction().execute(async (tx) => {
    if (await tx.selectFrom("orgs").select("id").limit(1).executeTakeFirst())
      throw new AppError("conflict", "Oars is already set up; sign in instead");
    const { orgId, personId } = await createOrgWithAdmin(tx, input, passwordHash);
    await recordAudit(tx, { ...ctx, actor: null }, orgId, {
      entity: "org",
      entityId: orgId,
      action: "setup",
    });
    return startSession(tx, ctx, personId, client);
  });
}

export async function createOrgWithAdmin(
  tx: Q,
  input: SetupInput,
  passwordHash: string | null,
): Promise<{ orgId: string; personId: string }> {
  const now = new Date().toISOString();
  const orgId = newId();
  const o = input.org;
  await tx
    .insertInto("orgs")
    .values({
      id: orgId,
      name: o.name,
      currency: o.currency,
      time_zone: o.timeZone,
      fiscal_year_start_month: o.fiscalYearStartMonth,
      week_starts_on: o.weekStartsOn ?? 1,
      working_days: JSON.stringify(o.workingDays ?? [1, 2, 3, 4, 5]),
      holidays: JSON.stringify(o.holidays ?? []),
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (await tx.selectFrom("people").select("id").where("email", "=", input.admin.email).executeTakeFirst())
    throw invalid("admin.email", "is already used by another person");
  const personId = newId();
  await tx
    .insertInto("people")
    .values({
      id: personId,
      org_id: orgId,
      name: input.admin.name,
      email: input.admin.email,
      role: "admin",
      team_id: null,
      hire_date: todayInZone(o.timeZone),
      capacity_hours_per_week: 40,
      active: 1,
      password_hash: passwordHash,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { orgId, personId };
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

async function startSession(tx: Q, ctx: Ctx, personId: string, client: ClientInfo): Promise<SignedIn> {
  const person = await tx
    .selectFrom("people")
    .selectAll()
    .where("id", "=", personId)
    .executeTakeFirstOrThrow();
  const org = await tx
    .selectFrom("orgs")
    .selectAll()
    .where("id", "=", person.org_id)
    .executeTakeFirstOrThrow();
  const s: NewSession = await createSession(tx, person, {
    absoluteMs: ctx.config.sessionAbsoluteMs,
    ...client,
  });
  return {
    token: s.token,
    session: {
      person: presentPerson(person),
      org: presentOrg(org),
      csrfToken: s.csrfToken,
      expiresAt: s.expiresAt,
    },
  };
}

export async function signIn(
  ctx: Ctx,
  email: string,
  password: string,
  client: ClientInfo,
): Promise<SignedIn> {
  const rules = signInRules(email, client.ip);
  // Throttled: answer before computing any hash, so an attacker cannot make the server work.
  const wait = await lockedFor(ctx.db.k, rules);
  if (wait > 0) throw tooMany(wait);
  const person = await ctx.db.k
    .selectFrom("people")
    .select(["id", "password_hash", "active", "org_id"])
    .where("email", "=", email)
    .executeTakeFirst();
  const ok = await verifyPassword(person?.active === 1 ? person.password_hash : null, password);
  if (!person || !ok) {
    await ctx.db.k.transaction().execute((tx) => recordFailure(tx, rules));
    throw unauthenticated("Email or password is wrong");
  }
  return ctx.db.k.transaction().execute(async (tx) => {
    await clearAccount(tx, rules);
    return startSession(tx, ctx, person.id, client);
  });
}

export async function currentSession(ctx: SignedInCtx, expiresAt: string | null): Promise<Session> {
  const person = await ctx.db.k
    .selectFrom("people")
    .selectAll()
    .where("id", "=", ctx.actor.personId)
    .executeTakeFirstOrThrow();
  const org = await ctx.db.k
    .selectFrom("orgs")
    .selectAll()
    .where("id", "=", ctx.actor.orgId)
    .executeTakeFirstOrThrow();
  return {
    person: presentPerson(person),
    org: presentOrg(org),
    csrfToken: ctx.actor.csrfToken ?? "",
    expiresAt: expiresAt ?? new Date(Date.now() + ctx.config.sessionAbsoluteMs).toISOString(),
  };
}

/** Sets a password from a one-time link and signs in; every other session of the person ends. */
export async function setPasswordWithLink(
  ctx: Ctx,
  token: string,
  password: string,
  client: ClientInfo,
): Promise<SignedIn> {
  const peek = await ctx.db.k
    .selectFrom("password_tokens as t")
    .innerJoin("people as p", "p.id", "t.person_id")
    .select(["p.email", "p.name"])
    .where("t.token_hash", "=", sha256(token))
    .executeTakeFirst();
  if (peek) checkPassword(password, peek);
  const passwordHash = await hashPassword(password);
  return ctx.db.k.transaction().execute(async (tx) => {
    const used = await consumePasswordLink(tx, token);
    if (!used) throw invalid("token", "this link is unknown, already used or expired; ask for a new one");
    const person = await tx
      .selectFrom("people")
      .selectAll()
      .where("id", "=", used.personId)
      .executeTakeFirstOrThrow();
    if (person.active !== 1) throw invalid("token", "this account is deactivated");
    await tx
      .updateTable("people")
      .set({ password_hash: passwordHash, version: person.version + 1, updated_at: new Date().toISOString() })
      .where("id", "=", person.id)
      .execute();
    await endSessionsOf(tx, person.id);
    await recordAudit(tx, { ...ctx, actor: null }, person.org_id, {
      entity: "person",
      entityId: person.id,
      action: "set-password",
    });
    return startSession(tx, ctx, person.id, client);
  });
}

export async function changePassword(ctx: SignedInCtx, current: string, next: string): Promise<void> {
  const person = await ctx.db.k
    .selectFrom("people")
    .selectAll()
    .where("id", "=", ctx.actor.personId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(person.password_hash, current)))
    throw invalid("currentPassword", "is not your current password");
  checkPassword(next, person, "newPassword");
  const passwordHash = await hashPassword(next);
  await ctx.db.k.transaction().execute(async (tx) => {
    await tx
      .updateTable("people")
      .set({ password_hash: passwordHash, version: person.version + 1, updated_at: new Date().toISOString() })
      .where("id", "=", person.id)
      .execute();
    // Other devices are signed out; this one stays.
    await endSessionsOf(tx, person.id, ctx.actor.sessionId);
    await recordAudit(tx, ctx, person.org_id, {
      entity: "person",
      entityId: person.id,
      action: "change-password",
    });
  });
}

/** Self-service reset: only by email, so it needs SMTP; never tells whether the address exists. */
export async function forgotPassword(ctx: Ctx, email: string): Promise<{ emailed: boolean }> {
  if (!ctx.mailer) return { emailed: false };
  const person = await ctx.db.k
    .selectFrom("people")
    .selectAll()
    .where("email", "=", email)
    .where("active", "=", 1)
    .executeTakeFirst();
  if (person) {
    await ctx.db.k.transaction().execute(async (tx) => {
      await issuePasswordLink(tx, { ...ctx, actor: null }, person, "reset", { email: true });
      await recordAudit(tx, { ...ctx, actor: null }, person.org_id, {
        entity: "person",
        entityId: person.id,
        action: "reset-requested",
      });
    });
  }
  return { emailed: true };
}

// `oars setup`, `oars user …` and `oars token create`.
import { Email, passwordProblem, PersonCreate, Role, TokenScope, type Person } from "@oars/core";
import type { Command } from "commander";
import { invitePerson, listPeople, updatePerson } from "../modules/org/people.service";
import { issueLinkFor } from "../modules/org/people.service";
import { createOrgWithAdmin } from "../modules/auth/auth.service";
import { hashPassword } from "../modules/auth/passwords";
import { insertToken } from "../modules/auth/tokens.service";
import { recordAudit } from "../modules/audit/audit.record";
import { cliContext, print, withDb } from "./context";

async function readSecret(envName: string, flag: string | undefined): Promise<string> {
  if (flag) return flag;
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new Error(`Give the password with --admin-password or ${envName}`);
  const { createInterface } = await import("node:readline/promises");
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question("Password for the first admin (12+ characters): ");
  rl.close();
  return answer;
}

export function registerAdminCommands(program: Command): void {
  program
    .command("setup")
    .description("first run: create the organisation and its first admin")
    .requiredOption("--org-name <name>", "organisation name")
    .requiredOption("--admin-name <name>", "first admin's name")
    .requiredOption("--admin-email <email>", "first admin's email")
    .option("--admin-password <password>", "first admin's password (or env OARS_ADMIN_PASSWORD, or asked)")
    .option("--currency <code>", "reporting currency", "USD")
    .option("--time-zone <tz>", "IANA time zone", Intl.DateTimeFormat().resolvedOptions().timeZone)
    .option("--fiscal-year-start <month>", "fiscal year start month 1-12", "1")
    .action(async (o: Record<string, string | undefined>) => {
      const email = Email.parse(o.adminEmail);
      const password = await readSecret("OARS_ADMIN_PASSWORD", o.adminPassword);
      const problem = passwordProblem(password, { email });
      if (problem) throw new Error(`password ${problem}`);
      await withDb(async (db) => {
        if (await db.k.selectFrom("orgs").select("id").executeTakeFirst())
          throw new Error("Oars is already set up");
        const passwordHash = await hashPassword(password);
        const ids = await db.k.transaction().execute((tx) =>
          createOrgWithAdmin(
            tx,
            {
              org: {
                name: o.orgName ?? "",
                currency: (o.currency ?? "USD").toUpperCase(),
                timeZone: o.timeZone ?? "UTC",
                fiscalYearStartMonth: Number(o.fiscalYearStart),
              },
              admin: { name: o.adminName ?? "", email, password },
            },
            passwordHash,
          ),
        );
        process.stdout.write(`Created organisation ${ids.orgId}; sign in as ${email}\n`);
      });
    });

  const user = program.command("user").description("manage people and their sign-in");
  user
    .command("add")
    .description("invite a person; prints their one-time set-password link")
    .requiredOption("--email <email>")
    .requiredOption("--name <name>")
    .option("--role <role>", "admin | manager | member | viewer", "member")
    .option("--team <teamId>", "team id")
    .option("--hire-date <date>", "YYYY-MM-DD")
    .option("--capacity <hours>", "capacity in hours per week", "40")
    .option("--as <email>", "act as this admin (default: the first admin)")
    .option("--json", "print JSON")
    .action(async (o: Record<string, string | boolean | undefined>) => {
      await withDb(async (db, config) => {
        const ctx = await cliContext(db, config, o.as as string | undefined);
        const input = PersonCreate.parse({
          email: o.email,
          name: o.name,
          role: Role.parse(o.role),
          teamId: (o.team as string | undefined) ?? null,
          hireDate: (o.hireDate as string | undefined) ?? null,
          capacityHoursPerWeek: Number(o.capacity),
        });
        const res = await invitePerson(ctx, input);
        print(
          Boolean(o.json),
          res,
          () =>
            `Invited ${res.person.name} <${res.person.email}>\nSet-password link (valid until ${res.link.expiresAt}):\n${res.link.url}`,
        );
      });
    });
  user
    .command("list")
    .description("list people")
    .option("--json", "print JSON")
    .action(async (o: { json?: boolean }) => {
      await withDb(async (db, config) => {
        const ctx = await cliContext(db, config);
        const all: Person[] = [];
        let cursor: string | undefined;
        do {
          const pageRes = await listPeople(ctx, { limit: 500, cursor });
          all.push(...pageRes.items);
          cursor = pageRes.next ?? undefined;
        } while (cursor);
        print(Boolean(o.json), all, () =>
          all
            .map((p) => `${p.active ? " " : "x"} ${p.role.padEnd(8)} ${p.email.padEnd(36)} ${p.name}`)
            .join("\n"),
        );
      });
    });
  user
    .command("disable <email>")
    .description("deactivate a person and end their sessions at once")
    .action(async (email: string) => {
      await withDb(async (db, config) => {
        const ctx = await cliContext(db, config);
        const p = await db.k
          .selectFrom("people")
          .select(["id", "version"])
          .where("email", "=", email.toLowerCase())
          .where("org_id", "=", ctx.actor.orgId)
          .executeTakeFirst();
        if (!p) throw new Error(`No person with email ${email}`);
        await updatePerson(ctx, p.id, { version: p.version, active: false });
        process.stdout.write(`Deactivated ${email}\n`);
      });
    });
  user
    .command("reset-password <email>")
    .description("print a one-time link for the person to set a new password")
    .action(async (email: string) => {
      await withDb(async (db, config) => {
        const ctx = await cliContext(db, config);
        const p = await db.k
          .selectFrom("people")
          .select("id")
          .where("email", "=", email.toLowerCase())
          .where("org_id", "=", ctx.actor.orgId)
          .executeTakeFirst();
        if (!p) throw new Error(`No person with email ${email}`);
        const link = await issueLinkFor(ctx, p.id);
        process.stdout.write(`One-time link for ${email} (valid until ${link.expiresAt}):\n${link.url}\n`);
      });
    });

  program
    .command("token")
    .description("personal API tokens")
    .command("create")
    .description("create a personal API token for a person; prints the secret once")
    .requiredOption("--email <email>", "whose token")
    .option("--name <name>", "what the token is for", "cli")
    .option("--scope <scope>", "read | read-write", "read")
    .action(async (o: { email: string; name: string; scope: string }) => {
      await withDb(async (db, config) => {
        const ctx = await cliContext(db, config, o.email);
        const scope = TokenScope.parse(o.scope);
        const { secret } = await db.k.transaction().execute(async (tx) => {
          const created = await insertToken(tx, ctx, ctx.actor, { name: o.name, scope });
          await recordAudit(tx, ctx, ctx.actor.orgId, {
            entity: "api_token",
            entityId: created.token.id,
            action: "create-cli",
          });
          return created;
        });
        process.stdout.write(`${secret}\n`);
      });
    });
}

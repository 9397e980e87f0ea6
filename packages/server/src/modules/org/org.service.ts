// The organisation's own settings: name, currency, calendar.
import type { Org, OrgSettings } from "@oars/core";
import type { z } from "zod";
import type { Q } from "../../db/tx";
import type { SignedInCtx } from "../../http/context";
import { conflict, forbidden, notFound } from "../../http/errors";
import { loadScope } from "../../policies/scope";
import { mayChangeOrgSettings } from "../../policies/org.policy";
import { recordAudit } from "../audit/audit.record";
import { presentOrg } from "./org.present";
import type { OrgUpdate } from "@oars/core";

export async function getOrg(ctx: SignedInCtx): Promise<Org> {
  const row = await ctx.db.k
    .selectFrom("orgs")
    .selectAll()
    .where("id", "=", ctx.actor.orgId)
    .executeTakeFirst();
  if (!row) throw notFound("Organisation");
  return presentOrg(row);
}

export async function updateOrg(ctx: SignedInCtx, patch: z.infer<typeof OrgUpdate>): Promise<Org> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const scope = await loadScope(tx, ctx.actor);
    if (!mayChangeOrgSettings(scope)) throw forbidden("Only an admin changes the organisation's settings");
    const before = await tx
      .selectFrom("orgs")
      .selectAll()
      .where("id", "=", ctx.actor.orgId)
      .executeTakeFirstOrThrow();
    const set: Partial<Record<string, unknown>> = {};
    const p: Partial<OrgSettings> = patch;
    if (p.name !== undefined) set.name = p.name;
    if (p.currency !== undefined) set.currency = p.currency;
    if (p.timeZone !== undefined) set.time_zone = p.timeZone;
    if (p.fiscalYearStartMonth !== undefined) set.fiscal_year_start_month = p.fiscalYearStartMonth;
    if (p.weekStartsOn !== undefined) set.week_starts_on = p.weekStartsOn;
    if (p.workingDays !== undefined) set.working_days = JSON.stringify([...p.workingDays].sort());
    if (p.holidays !== undefined) set.holidays = JSON.stringify([...new Set(p.holidays)].sort());
    const res = await tx
      .updateTable("orgs")
      .set({ ...set, version: patch.version + 1, updated_at: new Date().toISOString() })
      .where("id", "=", ctx.actor.orgId)
      .where("version", "=", patch.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict();
    const after = await tx
      .selectFrom("orgs")
      .selectAll()
      .where("id", "=", ctx.actor.orgId)
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "org",
      entityId: after.id,
      action: "update",
      before: presentOrg(before),
      after: presentOrg(after),
    });
    return presentOrg(after);
  });
}

/** Takes the transaction when there is one: on SQLite a query outside it would wait forever. */
export async function orgTimeZone(q: Q, orgId: string): Promise<string> {
  const row = await q.selectFrom("orgs").select("time_zone").where("id", "=", orgId).executeTakeFirst();
  return row?.time_zone ?? "UTC";
}

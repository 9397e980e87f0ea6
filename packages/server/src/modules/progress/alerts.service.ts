// Progress alerts: each objective of an active plan is compared with how it was last seen; a
// crossing of 50 / 90 / 100 % of target or a slip in status (on track → at risk → off track) sends
// a notification to its owner (a team's lead for a team goal), in the app and/or by email as that
// person chose (notification preferences). The first sighting only records where it stands. Run
// by an admin (POST /api/v1/progress/alerts/run) or hourly by the scheduler (modules/jobs).
import { crossedMilestones, statusSlipped, type ProgressStatus } from "@oars/core";
import { newId } from "../../db/ids";
import type { Ctx, SignedInCtx } from "../../http/context";
import type { Mail } from "../../mail";
import { recordAudit } from "../audit/audit.record";
import { notify } from "../notifications/notifications.service";
import { preferencesByPerson, wantsAlert, type AlertKind } from "../notifications/preferences.service";
import { orgProgressEnv, prefetchProgress, progressOfRow } from "./progress.service";

const STATUS_WORDS: Record<ProgressStatus, string> = {
  on_track: "on track",
  at_risk: "at risk",
  off_track: "off track",
};

export interface AlertRun {
  checked: number;
  sent: number;
  emailed: number;
}

export const runProgressAlerts = (ctx: SignedInCtx) => runProgressAlertsForOrg(ctx, ctx.actor.orgId);

/** One org's run; `ctx` has no actor when the scheduler runs it (the audit entry then has none). */
export async function runProgressAlertsForOrg(ctx: Ctx, orgId: string): Promise<AlertRun> {
  const env = await orgProgressEnv(ctx.db.k, ctx.db.engine, orgId);
  const prefsOf = await preferencesByPerson(ctx.db.k, orgId);
  const emails = new Map(
    (
      await ctx.db.k
        .selectFrom("people")
        .select(["id", "email"])
        .where("org_id", "=", orgId)
        .where("active", "=", 1)
        .execute()
    ).map((p) => [p.id, p.email]),
  );
  const outbox: Mail[] = [];
  const rows = await ctx.db.k
    .selectFrom("objectives as o")
    .innerJoin("strategic_plans as p", "p.id", "o.plan_id")
    .selectAll("o")
    .select(["p.owner_type as plan_owner_type", "p.owner_id as plan_owner_id"])
    .where("o.org_id", "=", orgId)
    .where("p.status", "in", ["active", "draft"])
    .where("o.metric_key", "is not", null)
    .where("o.status", "not in", ["done", "dropped"])
    .execute();
  const leads = new Map(
    (await ctx.db.k.selectFrom("teams").select(["id", "lead_id"]).where("org_id", "=", orgId).execute()).map(
      (t) => [t.id, t.lead_id],
    ),
  );
  const plans = new Map(
    (await ctx.db.k.selectFrom("strategic_plans").selectAll().where("org_id", "=", orgId).execute()).map(
      (p) => [p.id, p],
    ),
  );
  await prefetchProgress(
    env,
    rows.flatMap((row) => {
      const plan = plans.get(row.plan_id);
      return plan ? [{ row, plan }] : [];
    }),
  );
  let checked = 0;
  let sent = 0;
  for (const row of rows) {
    const plan = plans.get(row.plan_id);
    if (!plan) continue;
    const p = await progressOfRow(env, row, plan, { children: false });
    if (!p.computed || p.status === null || p.attainment === null) continue;
    checked++;
    const percent = p.attainment * 100;
    const status = p.status;
    const type = row.owner_type ?? row.plan_owner_type;
    const id = row.owner_id ?? row.plan_owner_id;
    const personId = type === "person" ? id : (leads.get(id) ?? null);
    await ctx.db.k.transaction().execute(async (tx) => {
      const prev = await tx
        .selectFrom("progress_alert_state")
        .selectAll()
        .where("org_id", "=", orgId)
        .where("objective_id", "=", row.id)
        .executeTakeFirst();
      const now = new Date().toISOString();
      if (!prev) {
        await tx
          .insertInto("progress_alert_state")
          .values({ id: newId(), org_id: orgId, objective_id: row.id, percent, status, updated_at: now })
          .execute();
        return;
      }
      const messages: { kind: AlertKind; body: string }[] = [];
      for (const mark of crossedMilestones(Number(prev.percent), percent))
        messages.push({ kind: mark as AlertKind, body: `${row.title} reached ${mark}% of its target` });
      if (statusSlipped(prev.status as ProgressStatus, status))
        messages.push({ kind: "at_risk", body: `${row.title} is now ${STATUS_WORDS[status]}: ${p.reason}` });
      const email = personId ? emails.get(personId) : undefined;
      if (personId && email !== undefined)
        for (const { kind, body } of messages) {
          const prefs = prefsOf(personId);
          if (!wantsAlert(prefs, kind)) continue;
          const title = body.length > 120 ? `${body.slice(0, 117)}…` : body;
          if (prefs.email && ctx.mailer)
            outbox.push({
              to: email,
              subject: `Oars: ${title}`,
              text: `${body}\n\n${ctx.origin}/objectives/${row.id}/progress\n`,
            });
          if (!prefs.inApp) continue;
          await notify(tx, {
            orgId,
            personId,
            kind: "progress",
            title,
            body,
            entity: "objective",
            entityId: row.id,
            link: `/objectives/${row.id}/progress`,
            actorId: null,
          });
          sent++;
        }
      await tx
        .updateTable("progress_alert_state")
        .set({ percent, status, updated_at: now })
        .where("id", "=", prev.id)
        .execute();
    });
  }
  // Sent after the changes commit, so a slow or failing mail server never holds a transaction.
  let emailed = 0;
  for (const mail of outbox) {
    try {
      await ctx.mailer?.send(mail);
      emailed++;
    } catch {
      // The in-app notification stands; the next alert or digest tries the mail server again.
    }
  }
  await recordAudit(ctx.db.k, ctx, orgId, {
    entity: "progress_alerts",
    entityId: orgId,
    action: "run",
    after: { checked, sent, emailed },
  });
  return { checked, sent, emailed };
}

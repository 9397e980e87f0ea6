// The weekly digest: for each person who wants it, the progress of their goals (objectives they
// own, or lead as a team's lead) and the week's actions from the tactics module's "my week" — in
// the app and, when SMTP is configured and they chose email, by email. Sent once a week by the
// scheduler (modules/jobs) or on demand by an admin.
import { metricByKey, type MyWeek, type ObjectiveProgress } from "@oars/core";
import type { Actor, Ctx, SignedInCtx } from "../../http/context";
import type { Mail } from "../../mail";
import { recordAudit } from "../audit/audit.record";
import { notify } from "../notifications/notifications.service";
import { preferencesByPerson } from "../notifications/preferences.service";
import { formatDigest } from "./digest.format";
import { orgProgressEnv, prefetchProgress, progressOfRow } from "./progress.service";
import { myWeek } from "../tactics/my-week.service";

export interface DigestRun {
  people: number;
  notified: number;
  emailed: number;
}

/** Acting as the person themselves, so "my week" shows exactly what they would see. */
function asPerson(
  ctx: Ctx,
  p: { id: string; org_id: string; role: Actor["role"]; team_id: string | null; name: string; email: string },
): SignedInCtx {
  return {
    ...ctx,
    actor: {
      personId: p.id,
      orgId: p.org_id,
      role: p.role,
      teamId: p.team_id,
      name: p.name,
      email: p.email,
      via: "token",
      sessionId: null,
      csrfToken: null,
      tokenScope: "read",
    },
  };
}

export async function sendWeeklyDigests(ctx: Ctx, orgId: string): Promise<DigestRun> {
  const q = ctx.db.k;
  const env = await orgProgressEnv(q, ctx.db.engine, orgId);
  const prefsOf = await preferencesByPerson(q, orgId);
  const people = await q
    .selectFrom("people")
    .select(["id", "org_id", "role", "team_id", "name", "email"])
    .where("org_id", "=", orgId)
    .where("active", "=", 1)
    .orderBy("name")
    .execute();
  const leads = new Map(
    (await q.selectFrom("teams").select(["id", "lead_id"]).where("org_id", "=", orgId).execute()).map((t) => [
      t.id,
      t.lead_id,
    ]),
  );
  const objectives = await q
    .selectFrom("objectives as o")
    .innerJoin("strategic_plans as p", "p.id", "o.plan_id")
    .selectAll("o")
    .select(["p.owner_type as plan_owner_type", "p.owner_id as plan_owner_id"])
    .where("o.org_id", "=", orgId)
    .where("p.status", "in", ["active", "draft"])
    .where("o.metric_key", "is not", null)
    .where("o.status", "not in", ["done", "dropped"])
    .orderBy("o.title")
    .execute();
  const plans = new Map(
    (await q.selectFrom("strategic_plans").selectAll().where("org_id", "=", orgId).execute()).map((p) => [
      p.id,
      p,
    ]),
  );
  const goalsOf = new Map<string, typeof objectives>();
  for (const o of objectives) {
    const type = o.owner_type ?? o.plan_owner_type;
    const id = o.owner_id ?? o.plan_owner_id;
    const who = type === "person" ? id : (leads.get(id) ?? null);
    if (who) goalsOf.set(who, [...(goalsOf.get(who) ?? []), o]);
  }

  await prefetchProgress(
    env,
    [...goalsOf.values()].flat().flatMap((row) => {
      const plan = plans.get(row.plan_id);
      return plan && metricByKey(row.metric_key ?? "") ? [{ row, plan }] : [];
    }),
  );
  const outbox: Mail[] = [];
  let notified = 0;
  let count = 0;
  for (const person of people) {
    const prefs = prefsOf(person.id);
    if (!prefs.weeklyDigest || (!prefs.inApp && !(prefs.email && ctx.mailer))) continue;
    const goals: ObjectiveProgress[] = [];
    for (const o of goalsOf.get(person.id) ?? []) {
      const plan = plans.get(o.plan_id);
      if (plan && metricByKey(o.metric_key ?? ""))
        goals.push(await progressOfRow(env, o, plan, { children: false }));
    }
    // A person outside every team has no week of actions; the goals still go out.
    const week: MyWeek | null = await myWeek(asPerson(ctx, person), {}).catch(() => null);
    const digest = formatDigest({
      name: person.name,
      today: env.settings.today,
      goals,
      week,
      origin: ctx.origin,
    });
    count++;
    if (prefs.inApp) {
      await notify(q, {
        orgId,
        personId: person.id,
        kind: "digest",
        title: digest.title,
        body: digest.text,
        entity: "person",
        entityId: person.id,
        link: "/",
        actorId: null,
      });
      notified++;
    }
    if (prefs.email && ctx.mailer)
      outbox.push({ to: person.email, subject: `Oars: ${digest.title}`, text: digest.text });
  }
  let emailed = 0;
  for (const mail of outbox) {
    try {
      await ctx.mailer?.send(mail);
      emailed++;
    } catch {
      // The in-app copy stands; next week's digest tries again.
    }
  }
  await recordAudit(q, ctx, orgId, {
    entity: "weekly_digest",
    entityId: orgId,
    action: "send",
    after: { people: count, notified, emailed },
  });
  return { people: count, notified, emailed };
}

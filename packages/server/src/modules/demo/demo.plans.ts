// The demo's strategic plans: the director's two-year department plan from the director template,
// an aligned plan per regional team, and personal plans for the new salesperson and the account
// manager made from their templates — a whole cascade to look at on the strategy map.
import {
  DEFAULT_REFINEMENT_QUESTIONS,
  addDays,
  addMonths,
  builtinTemplate,
  templateInputValues,
  type PlanDraft,
  type TemplateContext,
} from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import { currentSnapshot } from "../plans/baseline.service";
import { headcountOf } from "../plans/plan-owners";
import { insertDraft } from "../plans/plans.repo";
import type { ObjectivesTable, StrategicPlansTable } from "../plans/plans.schema";
import { notify } from "../notifications/notifications.service";
import { DEPARTMENT_ANSWERS, regionalDraft } from "./demo.plans-content";

interface Ctx {
  q: Q;
  orgId: string;
  now: string;
}

async function plan(
  c: Ctx,
  p: Pick<
    StrategicPlansTable,
    "title" | "owner_type" | "owner_id" | "horizon_start" | "horizon_end" | "template_key"
  > & {
    createdBy: string;
  },
  draft: PlanDraft,
): Promise<{ row: StrategicPlansTable; objectives: ObjectivesTable[] }> {
  const row: StrategicPlansTable = {
    id: newId(),
    org_id: c.orgId,
    title: p.title,
    owner_type: p.owner_type,
    owner_id: p.owner_id,
    horizon_start: p.horizon_start,
    horizon_end: p.horizon_end,
    statement: draft.statement,
    status: "draft",
    template_key: p.template_key,
    baseline: null,
    baseline_at: null,
    created_by: p.createdBy,
    version: 1,
    created_at: c.now,
    updated_at: c.now,
  };
  await c.q.insertInto("strategic_plans").values(row).execute();
  const objectives = await insertDraft(c.q, row, draft, "USD", c.now);
  return { row, objectives };
}

/** Aligns the plan's objectives (by index) under parents, then activates it with its baseline. */
async function alignAndActivate(
  c: Ctx,
  p: { row: StrategicPlansTable; objectives: ObjectivesTable[] },
  parents: (string | null)[],
) {
  for (const [i, parent] of parents.entries()) {
    const o = p.objectives[i];
    if (o && parent)
      await c.q
        .updateTable("objectives")
        .set({ parent_objective_id: parent })
        .where("id", "=", o.id)
        .execute();
  }
  const snapshot = await currentSnapshot(c.q, p.row);
  await c.q
    .updateTable("strategic_plans")
    .set({ status: "active", baseline: JSON.stringify(snapshot), baseline_at: c.now })
    .where("id", "=", p.row.id)
    .execute();
}

function fromTemplate(
  key: string,
  inputs: Record<string, number>,
  ctx: Omit<TemplateContext, "currency">,
): PlanDraft {
  const def = builtinTemplate(key);
  if (!def) throw new Error(`demo: no template ${key}`);
  return def.build(templateInputValues(def, inputs), { ...ctx, currency: "USD" });
}

export async function seedDemoPlans(q: Q, orgId: string, today: string): Promise<void> {
  const people = new Map(
    (await q.selectFrom("people").select(["id", "email"]).where("org_id", "=", orgId).execute()).map((p) => [
      p.email.split("@")[0] ?? "",
      p.id,
    ]),
  );
  const teams = new Map(
    (await q.selectFrom("teams").select(["id", "name"]).where("org_id", "=", orgId).execute()).map((t) => [
      t.name,
      t.id,
    ]),
  );
  const id = (m: Map<string, string>, k: string) => {
    const v = m.get(k);
    if (!v) throw new Error(`demo: missing ${k}`);
    return v;
  };
  const c: Ctx = { q, orgId, now: new Date().toISOString() };
  // The overhaul began last year and ends this one: its second-year revenue objectives are this
  // year's, so every dashboard shows live progress against the demo's sales history.
  const thisYear = `${today.slice(0, 4)}-01-01`;
  const start = addMonths(thisYear, -12);
  const end = addDays(addMonths(start, 24), -1);
  const dana = id(people, "dana");

  const dept = await plan(
    c,
    {
      title: "Northwind Sales: two-year overhaul",
      owner_type: "team",
      owner_id: id(teams, "Sales"),
      horizon_start: start,
      horizon_end: end,
      template_key: "sales-director",
      createdBy: dana,
    },
    fromTemplate(
      "sales-director",
      {
        currentRevenue: 900_000_000,
        revenueGrowthPercent: 25,
        currentWinRate: 21,
        targetWinRate: 26,
        activitiesPerRepPerWeek: 45,
      },
      {
        horizonStart: start,
        horizonEnd: end,
        ownerType: "team",
        ownerId: id(teams, "Sales"),
        headcount: await headcountOf(q, orgId, "team", id(teams, "Sales")),
      },
    ),
  );
  for (const question of DEFAULT_REFINEMENT_QUESTIONS)
    await q
      .insertInto("plan_answers")
      .values({
        id: newId(),
        org_id: orgId,
        plan_id: dept.row.id,
        question_key: question.key,
        answer: DEPARTMENT_ANSWERS[question.key] ?? "",
        answered_by: dana,
        version: 1,
        created_at: c.now,
        updated_at: c.now,
      })
      .execute();
  await alignAndActivate(c, dept, []);
  const [deptRevenue, deptWinRate] = dept.objectives.map((o) => o.id);

  const regions = [
    { team: "East", manager: "marcus", revenue: 410_000_000 },
    { team: "Central", manager: "priya", revenue: 375_000_000 },
    { team: "West", manager: "tom", revenue: 340_000_000 },
  ];
  const regionPlans = new Map<string, { row: StrategicPlansTable; objectives: ObjectivesTable[] }>();
  for (const r of regions) {
    const teamId = id(teams, r.team);
    const p = await plan(
      c,
      {
        title: `${r.team}: our part of the overhaul`,
        owner_type: "team",
        owner_id: teamId,
        horizon_start: start,
        horizon_end: end,
        template_key: null,
        createdBy: id(people, r.manager),
      },
      regionalDraft(r.team, teamId, start, end, r.revenue),
    );
    await alignAndActivate(c, p, [deptRevenue ?? null, deptWinRate ?? null]);
    regionPlans.set(r.team, p);
  }

  const nina = id(people, "nina");
  const hired = addDays(today, -60);
  const ninaPlan = await plan(
    c,
    {
      title: "Nina's first year",
      owner_type: "person",
      owner_id: nina,
      horizon_start: hired,
      horizon_end: addDays(addMonths(hired, 12), -1),
      template_key: "new-salesperson",
      createdBy: id(people, "marcus"),
    },
    fromTemplate(
      "new-salesperson",
      { firstYearRevenue: 42_000_000, fullQuotaMonth: 6 },
      {
        horizonStart: hired,
        horizonEnd: addDays(addMonths(hired, 12), -1),
        ownerType: "person",
        ownerId: nina,
        headcount: 1,
      },
    ),
  );
  await alignAndActivate(c, ninaPlan, [null, regionPlans.get("East")?.objectives[0]?.id ?? null]);

  const alan = id(people, "alan");
  const alanEnd = addDays(addMonths(thisYear, 12), -1);
  const alanPlan = await plan(
    c,
    {
      title: "Alan's major accounts this year",
      owner_type: "person",
      owner_id: alan,
      horizon_start: thisYear,
      horizon_end: alanEnd,
      template_key: "account-manager",
      createdBy: alan,
    },
    fromTemplate(
      "account-manager",
      { portfolioRevenue: 240_000_000, growthPercent: 15 },
      { horizonStart: thisYear, horizonEnd: alanEnd, ownerType: "person", ownerId: alan, headcount: 1 },
    ),
  );
  await alignAndActivate(c, alanPlan, [regionPlans.get("West")?.objectives[0]?.id ?? null]);

  // One conversation to show: the director asks the East manager about his share.
  const marcus = id(people, "marcus");
  await q
    .insertInto("comments")
    .values({
      id: newId(),
      org_id: orgId,
      plan_id: dept.row.id,
      entity: "objective",
      entity_id: deptRevenue ?? dept.row.id,
      author_id: dana,
      body: "@Marcus Webb East carries the biggest share of this. Does the pipeline support it?",
      mentions: JSON.stringify([marcus]),
      deleted_at: null,
      version: 1,
      created_at: c.now,
      updated_at: c.now,
    })
    .execute();
  await notify(q, {
    orgId,
    personId: marcus,
    kind: "mention",
    title: `Dana Reyes mentioned you on “${dept.objectives[0]?.title ?? "an objective"}”`,
    body: "East carries the biggest share of this. Does the pipeline support it?",
    entity: "objective",
    entityId: deptRevenue ?? dept.row.id,
    link: `/plans/${dept.row.id}?tab=objectives&focus=${deptRevenue ?? ""}`,
    actorId: dana,
  });
}

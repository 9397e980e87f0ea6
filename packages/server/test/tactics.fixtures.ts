// Tactical plans for the tests, made through the API as users would: on top of the plans fixtures
// (the director's department plan and Mia's and Ben's personal plans), team A's plan with a revenue
// objective aligned under the department's, a tactical plan for each, and an action of Mia's.
import type { Db } from "../src/db/database";
import { newId } from "../src/db/ids";
import "../src/modules/crm/crm.schema";
import type { World } from "./factory";
import { buildPlanWorld, created, type PlanWorld } from "./plans.fixtures";

type Created = { id: string; version: number };

export interface TacticsWorld extends PlanWorld {
  teamAPlan: Created;
  teamAObjective: Created;
  deptTactical: Created;
  teamATactical: Created;
  memberATactical: Created;
  actionA: Created;
}

export async function buildTacticsWorld(w: World): Promise<TacticsWorld> {
  const p = await buildPlanWorld(w);
  const teamAPlan = await created(
    w.as.managerA.post("/api/v1/plans", {
      title: "Team A plan",
      ownerType: "team",
      ownerId: w.teams.a,
      horizonStart: "2026-01-01",
      horizonEnd: "2026-12-31",
    }),
  );
  const teamAObjective = await created(
    w.as.managerA.post(`/api/v1/plans/${teamAPlan.id}/objectives`, {
      title: "Team A revenue",
      metric: { key: "revenue_won" },
      target: 60_000_00,
      unit: "EUR",
      dueDate: "2026-12-31",
      ownerType: "team",
      ownerId: w.teams.a,
      parentObjectiveId: p.deptObjective.id,
    }),
  );
  const deptTactical = await created(
    w.as.director.post("/api/v1/tactical-plans", {
      strategicPlanId: p.deptPlan.id,
      periodKind: "custom",
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
    }),
  );
  const teamATactical = await created(
    w.as.managerA.post("/api/v1/tactical-plans", {
      strategicPlanId: teamAPlan.id,
      periodKind: "quarter",
      periodStart: "2026-02-10",
    }),
  );
  const memberATactical = await created(
    w.as.memberA.post("/api/v1/tactical-plans", {
      strategicPlanId: p.memberAPlan.id,
      periodKind: "month",
      periodStart: "2026-01-15",
    }),
  );
  const actionA = await created(
    w.as.managerA.post(`/api/v1/tactical-plans/${teamATactical.id}/actions`, {
      title: "Call Contoso",
      ownerId: w.people.memberA.id,
      startDate: "2026-01-05",
      dueDate: "2026-01-09",
    }),
  );
  return { ...p, teamAPlan, teamAObjective, deptTactical, teamATactical, memberATactical, actionA };
}

const stamps = () => {
  const now = new Date().toISOString();
  return { version: 1, created_at: now, updated_at: now, deleted_at: null, external_id: null };
};

/** A logged (or planned) activity of a person, straight into the sales data. */
export async function insertActivity(
  db: Db,
  w: World,
  a: {
    ownerId: string;
    teamId: string | null;
    type: "call" | "meeting" | "email" | "demo";
    at: string;
    status?: "planned" | "done";
    subject?: string;
  },
): Promise<string> {
  const id = newId();
  await db.k
    .insertInto("activities")
    .values({
      id,
      org_id: w.orgId,
      owner_id: a.ownerId,
      team_id: a.teamId,
      type: a.type,
      subject: a.subject ?? `${a.type} logged`,
      notes: null,
      account_id: null,
      contact_id: null,
      deal_id: null,
      occurred_at: a.at,
      duration_minutes: 45,
      outcome: null,
      status: a.status ?? "done",
      ...stamps(),
    })
    .execute();
  return id;
}

/** A closed or open deal with the stages it went through, for the funnel to learn from. */
export async function insertDeal(
  db: Db,
  w: World,
  d: {
    ownerId: string;
    teamId: string | null;
    status: "won" | "lost" | "open";
    amountMinor: number;
    created: string;
    closed: string;
    stageIds: string[];
  },
): Promise<string> {
  const id = newId();
  const last = d.stageIds.at(-1) ?? "";
  await db.k
    .insertInto("deals")
    .values({
      id,
      org_id: w.orgId,
      account_id: null,
      name: `Deal ${id.slice(-6)}`,
      name_key: `deal ${id.slice(-6)}`,
      amount_minor: d.amountMinor,
      currency: "EUR",
      amount_org_minor: d.amountMinor,
      stage_id: last,
      status: d.status,
      probability: d.status === "won" ? 100 : 0,
      forecast_category: d.status === "open" ? "pipeline" : "closed",
      close_date: d.closed,
      created_date: d.created,
      lost_reason: null,
      business_type: "new",
      stage_changed_at: `${d.closed}T12:00:00.000Z`,
      owner_id: d.ownerId,
      team_id: d.teamId,
      ...stamps(),
    })
    .execute();
  for (const [i, stageId] of d.stageIds.entries()) {
    await db.k
      .insertInto("deal_stage_history")
      .values({
        id: newId(),
        org_id: w.orgId,
        deal_id: id,
        from_stage_id: d.stageIds[i - 1] ?? null,
        to_stage_id: stageId,
        changed_at: `${d.created}T1${i}:00:00.000Z`,
        changed_by: null,
      })
      .execute();
  }
  return id;
}

/** What the access matrix needs beyond the tactics world: a saved split, a commitment of Mia's
 * and a recurring action she owns. */
export async function tacticsAccessExtras(
  w: World,
): Promise<TacticsWorld & { split: Created; commitment: Created; weekly: Created }> {
  const tw = await buildTacticsWorld(w);
  const split = await w.as.managerA
    .request("PUT", `/api/v1/tactical-plans/${tw.teamATactical.id}/splits`, {
      objectiveId: tw.teamAObjective.id,
      settings: { rows: [{ id: w.people.memberA.id }, { id: w.people.memberA2.id }] },
    })
    .then((r) => r.json<Created>());
  const commitment = await w.as.memberA
    .post(`/api/v1/tactical-plans/${tw.teamATactical.id}/commitments`, {
      objectiveId: tw.teamAObjective.id,
      ownerId: w.people.memberA.id,
      amount: 30_000_00,
    })
    .then((r) => r.json<Created>());
  const weekly = await created(
    w.as.managerA.post(`/api/v1/tactical-plans/${tw.teamATactical.id}/actions`, {
      title: "Weekly client meeting",
      ownerId: w.people.memberA.id,
      startDate: "2026-01-06",
      recurrence: { frequency: "weekly", weekdays: [2] },
    }),
  );
  return { ...tw, split, commitment, weekly };
}

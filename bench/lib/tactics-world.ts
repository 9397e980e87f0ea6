// The organisation the tactical benchmarks split targets for: a director over teams of reps (a
// tenth of them hired in the last quarter, so ramps apply), two years of won deals to learn
// seasonality from, a department plan with a revenue objective and a tactical plan for the year.
import { newId } from "../../packages/server/src/db/ids";
import type { Db } from "../../packages/server/src/db/database";
import { ensureStages } from "../../packages/server/src/modules/crm/stages.service";
import "../../packages/server/src/modules/crm/crm.schema";
import "../../packages/server/src/modules/plans/plans.schema";
import "../../packages/server/src/modules/tactics/tactics.schema";

export interface TacticsWorld {
  orgId: string;
  adminId: string;
  rootTeamId: string;
  reps: { id: string; hireDate: string }[];
  objectiveId: string;
  tacticalPlanId: string;
  year: number;
}

const BATCH = 500;
async function insertAll<T extends Record<string, unknown>>(db: Db, table: string, rows: T[]) {
  const k = db.k as unknown as {
    insertInto: (t: string) => { values: (v: T[]) => { execute: () => Promise<unknown> } };
  };
  for (let i = 0; i < rows.length; i += BATCH)
    await k
      .insertInto(table)
      .values(rows.slice(i, i + BATCH))
      .execute();
}

/** Deterministic pseudo-random numbers, so two runs build the same organisation. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function buildTacticsWorld(
  db: Db,
  opts: { people: number; teamSize: number; year: number; passwordHash?: string },
): Promise<TacticsWorld> {
  const now = new Date().toISOString();
  const stamp = { version: 1, created_at: now, updated_at: now };
  const orgId = newId();
  await insertAll(db, "orgs", [
    {
      id: orgId,
      name: "Bench Sales",
      currency: "EUR",
      time_zone: "UTC",
      fiscal_year_start_month: 1,
      week_starts_on: 1,
      working_days: "[1,2,3,4,5]",
      holidays: "[]",
      ...stamp,
    },
  ]);
  const rootTeamId = newId();
  // Everyone fits one team: the reps sit in the root team itself (a grid of people, not of teams).
  const teamCount = opts.people <= opts.teamSize ? 0 : Math.ceil(opts.people / opts.teamSize);
  const teams = [
    {
      id: rootTeamId,
      org_id: orgId,
      name: "Sales",
      parent_id: null,
      lead_id: null,
      archived_at: null,
      ...stamp,
    },
    ...Array.from({ length: teamCount }, (_, i) => ({
      id: newId(),
      org_id: orgId,
      name: `Team ${i + 1}`,
      parent_id: rootTeamId,
      lead_id: null,
      archived_at: null,
      ...stamp,
    })),
  ];
  await insertAll(db, "teams", teams);
  const adminId = newId();
  const person = (id: string, name: string, role: string, teamId: string | null, hireDate: string) => ({
    id,
    org_id: orgId,
    name,
    email: `${name.toLowerCase().replace(/\W+/g, ".")}@bench.example`,
    role,
    team_id: teamId,
    hire_date: hireDate,
    capacity_hours_per_week: 40,
    active: 1,
    password_hash: opts.passwordHash ?? null,
    ...stamp,
  });
  const r = random(5);
  const yearStart = `${opts.year}-01-01`;
  const reps = Array.from({ length: opts.people }, (_, i) => {
    // A tenth joined in the last quarter before the year: their first months ramp.
    const recent = i % 10 === 9;
    const day = recent ? 1 + Math.floor(r() * 90) : 200 + Math.floor(r() * 1500);
    const hireDate = new Date(Date.parse(`${yearStart}T00:00:00Z`) - day * 86_400_000)
      .toISOString()
      .slice(0, 10);
    return {
      id: newId(),
      hireDate,
      teamId: teamCount === 0 ? rootTeamId : (teams[1 + (i % teamCount)]?.id ?? rootTeamId),
    };
  });
  await insertAll(db, "people", [
    person(adminId, "Bench Admin", "admin", null, "2020-01-01"),
    ...reps.map((p, i) => person(p.id, `Rep ${i + 1}`, "member", p.teamId, p.hireDate)),
  ]);
  await insertAll(
    db,
    "team_memberships",
    reps.map((p) => ({
      id: newId(),
      org_id: orgId,
      person_id: p.id,
      team_id: p.teamId,
      start_date: p.hireDate,
      end_date: null,
    })),
  );
  // Two years of won deals with a seasonal shape (a strong December, a quiet August).
  const stages = await ensureStages(db.k, orgId);
  const won = stages.find((s) => s.kind === "won")?.id ?? "";
  const season = [0.8, 0.9, 1.1, 1, 1, 1, 0.8, 0.6, 1.1, 1.2, 1.2, 1.5];
  const deals = Array.from({ length: opts.people * 3 }, () => {
    const rep = reps[Math.floor(r() * reps.length)] ?? reps[0];
    let month = Math.floor(r() * 12);
    while (r() > (season[month] ?? 1) / 1.5) month = Math.floor(r() * 12);
    const year = opts.year - 1 - Math.floor(r() * 2);
    const close = `${year}-${String(month + 1).padStart(2, "0")}-${String(1 + Math.floor(r() * 28)).padStart(2, "0")}`;
    const amount = 500_000 + Math.floor(r() * 5_000_000);
    const id = newId();
    return {
      id,
      org_id: orgId,
      account_id: null,
      name: `Deal ${id.slice(-6)}`,
      name_key: `deal ${id.slice(-6)}`,
      amount_minor: amount,
      currency: "EUR",
      amount_org_minor: amount,
      stage_id: won,
      status: "won",
      probability: 100,
      forecast_category: "closed",
      close_date: close,
      created_date: close,
      lost_reason: null,
      business_type: "new",
      stage_changed_at: `${close}T12:00:00.000Z`,
      owner_id: rep?.id ?? adminId,
      team_id: rep?.teamId ?? null,
      external_id: null,
      deleted_at: null,
      ...stamp,
    };
  });
  await insertAll(db, "deals", deals);
  const planId = newId();
  await insertAll(db, "strategic_plans", [
    {
      id: planId,
      org_id: orgId,
      title: "Bench department plan",
      owner_type: "team",
      owner_id: rootTeamId,
      horizon_start: yearStart,
      horizon_end: `${opts.year}-12-31`,
      statement: "",
      status: "active",
      template_key: null,
      baseline: null,
      baseline_at: null,
      created_by: adminId,
      ...stamp,
    },
  ]);
  const objectiveId = newId();
  await insertAll(db, "objectives", [
    {
      id: objectiveId,
      org_id: orgId,
      plan_id: planId,
      title: "Revenue",
      description: "",
      metric_key: "revenue_won",
      metric: JSON.stringify({ key: "revenue_won" }),
      baseline: null,
      target: opts.people * 100_000_000,
      unit: "EUR",
      start_date: yearStart,
      due_date: `${opts.year}-12-31`,
      owner_type: "team",
      owner_id: rootTeamId,
      weight: 100,
      perspective: "financial",
      status: "on_track",
      parent_objective_id: null,
      ...stamp,
    },
  ]);
  const tacticalPlanId = newId();
  await insertAll(db, "tactical_plans", [
    {
      id: tacticalPlanId,
      org_id: orgId,
      strategic_plan_id: planId,
      title: "Bench year",
      owner_type: "team",
      owner_id: rootTeamId,
      period_kind: "custom",
      period_start: yearStart,
      period_end: `${opts.year}-12-31`,
      status: "active",
      funnel: null,
      copied_from_id: null,
      created_by: adminId,
      ...stamp,
    },
  ]);
  await insertAll(db, "tactical_plan_objectives", [
    { id: newId(), org_id: orgId, tactical_plan_id: tacticalPlanId, objective_id: objectiveId },
  ]);
  return {
    orgId,
    adminId,
    rootTeamId,
    reps: reps.map((p) => ({ id: p.id, hireDate: p.hireDate })),
    objectiveId,
    tacticalPlanId,
    year: opts.year,
  };
}

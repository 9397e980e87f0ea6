// Plans for the tests: the director's department plan with an objective and an initiative, and a
// personal plan for members of team A and team B, all made through the API as users would.
import { expect } from "vitest";
import type { Client, World } from "./factory";

export interface PlanWorld {
  deptPlan: { id: string; version: number };
  deptObjective: { id: string; version: number };
  deptInitiative: { id: string; version: number };
  memberAPlan: { id: string; version: number };
  memberBPlan: { id: string; version: number };
}

type Created = { id: string; version: number };

export async function created(
  res: Promise<{ status: number; json<T>(): T; body: unknown }>,
): Promise<Created> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.json<Created>();
}

export async function personalPlan(as: Client, personId: string, title = "My year"): Promise<Created> {
  return created(
    as.post("/api/v1/plans", {
      title,
      ownerType: "person",
      ownerId: personId,
      horizonStart: "2026-01-01",
      horizonEnd: "2026-12-31",
    }),
  );
}

export async function buildPlanWorld(w: World): Promise<PlanWorld> {
  const deptPlan = await created(
    w.as.director.post("/api/v1/plans", {
      title: "Department plan",
      ownerType: "team",
      ownerId: w.teams.dept,
      horizonStart: "2026-01-01",
      horizonEnd: "2027-12-31",
      statement: "Grow revenue by 20% in two years.",
    }),
  );
  const deptObjective = await created(
    w.as.director.post(`/api/v1/plans/${deptPlan.id}/objectives`, {
      title: "Grow revenue",
      metric: { key: "revenue_won" },
      baseline: 100_000_00,
      target: 120_000_00,
      unit: "EUR",
      dueDate: "2027-12-31",
      ownerType: "team",
      ownerId: w.teams.dept,
    }),
  );
  const deptInitiative = await created(
    w.as.director.post(`/api/v1/plans/${deptPlan.id}/initiatives`, {
      title: "Sales training",
      objectiveIds: [deptObjective.id],
    }),
  );
  const memberAPlan = await personalPlan(w.as.memberA, w.people.memberA.id, "Mia's year");
  const memberBPlan = await personalPlan(w.as.memberB, w.people.memberB.id, "Ben's year");
  return { deptPlan, deptObjective, deptInitiative, memberAPlan, memberBPlan };
}

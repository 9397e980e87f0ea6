import type { PlanChecks, RefinementItem, StrategicPlan } from "@oars/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { buildPlanWorld, created, type PlanWorld } from "../../../test/plans.fixtures";

let t: TestApp;
let w: World;
let p: PlanWorld;
beforeEach(async () => {
  t = await testApp();
  w = await buildWorld(t.app, t.db);
  p = await buildPlanWorld(w);
});
afterEach(async () => t.close());

async function answerRequired(planId: string): Promise<void> {
  const items = (await w.as.director.get(`/api/v1/plans/${planId}/refinement`)).json<{
    items: RefinementItem[];
  }>();
  for (const { question } of items.items.filter((i) => i.question.required)) {
    const res = await w.as.director.request("PUT", `/api/v1/plans/${planId}/answers/${question.key}`, {
      answer: `Our answer to: ${question.text}`,
    });
    expect(res.status).toBe(200);
  }
}

describe("plan checks", () => {
  it("find nothing on a complete plan made from the director template", async () => {
    const plan = await created(
      w.as.director.post("/api/v1/plans", {
        title: "Overhaul",
        ownerType: "team",
        ownerId: w.teams.dept,
        templateKey: "sales-director",
      }),
    );
    const before = (await w.as.director.get(`/api/v1/plans/${plan.id}/checks`)).json<PlanChecks>();
    expect(new Set(before.findings.map((f) => f.code))).toEqual(new Set(["required_question_unanswered"]));
    await answerRequired(plan.id);
    const after = (await w.as.memberA.get(`/api/v1/plans/${plan.id}/checks`)).json<PlanChecks>();
    expect(after.findings).toEqual([]);
  });

  it("list each problem of a plan seeded with them, pointing at the thing to fix", async () => {
    const teamPlan = await created(
      w.as.managerA.post("/api/v1/plans", {
        title: "Team A",
        ownerType: "team",
        ownerId: w.teams.a,
        horizonStart: "2026-01-01",
        horizonEnd: "2028-12-31",
      }),
    );
    const url = `/api/v1/plans/${teamPlan.id}/objectives`;
    const owner = { ownerType: "team", ownerId: w.teams.a };
    const measurable = { metric: { key: "deals_won" }, target: 10, dueDate: "2026-12-31", ...owner };
    const sketch = await created(w.as.managerA.post(url, { title: "Sketch" }));
    const late = await created(
      w.as.managerA.post(url, { ...measurable, title: "Late", dueDate: "2029-03-31" }),
    );
    const afterParent = await created(
      w.as.managerA.post(url, {
        ...measurable,
        title: "After parent",
        dueDate: "2028-06-30",
        parentObjectiveId: p.deptObjective.id,
      }),
    );
    const backwards = await created(
      w.as.managerA.post(url, {
        ...measurable,
        title: "Shrink",
        metric: { key: "revenue_won" },
        baseline: 500,
        target: 400,
      }),
    );
    const fillers = [];
    for (const title of ["Five", "Six"])
      fillers.push(await created(w.as.managerA.post(url, { ...measurable, title })));
    const looping = [];
    for (const title of ["Loop one", "Loop two"])
      looping.push(await created(w.as.managerA.post(url, { ...measurable, title })));
    const serving = [late, afterParent, backwards, ...fillers, ...looping].map((o) => o.id);
    await created(
      w.as.managerA.post(`/api/v1/plans/${teamPlan.id}/initiatives`, {
        title: "Serves all",
        objectiveIds: serving,
      }),
    );
    const idle = await created(
      w.as.managerA.post(`/api/v1/plans/${teamPlan.id}/initiatives`, { title: "Serves nothing" }),
    );
    // A loop cannot be made through the API (it is refused at write time); old or imported data can hold one.
    const [one, two] = looping.map((o) => o.id);
    await t.db.k
      .updateTable("objectives")
      .set({ parent_objective_id: two ?? null })
      .where("id", "=", one ?? "")
      .execute();
    await t.db.k
      .updateTable("objectives")
      .set({ parent_objective_id: one ?? null })
      .where("id", "=", two ?? "")
      .execute();

    const { findings } = (await w.as.memberA.get(`/api/v1/plans/${teamPlan.id}/checks`)).json<PlanChecks>();
    const got = findings.map((f) => `${f.code} ${f.target.kind}:${f.target.id}`);
    const expected = [
      `alignment_cycle objective:${[one, two].sort()[0]}`,
      `objective_missing_metric objective:${sketch.id}`,
      `objective_missing_target objective:${sketch.id}`,
      `objective_missing_due_date objective:${sketch.id}`,
      `objective_missing_owner objective:${sketch.id}`,
      `due_date_outside_horizon objective:${late.id}`,
      `due_date_after_parent objective:${afterParent.id}`,
      `target_against_growth objective:${backwards.id}`,
      `objective_without_initiative objective:${sketch.id}`,
      `initiative_without_objective initiative:${idle.id}`,
      `too_many_objectives_for_owner team:${w.teams.a}`,
    ];
    for (const e of expected) expect(got).toContain(e);
    expect(got.filter((g) => g.startsWith("required_question_unanswered"))).toHaveLength(5);
    expect(new Set(findings.map((f) => f.code)).size).toBe(12);
    expect(findings.find((f) => f.code === "due_date_after_parent")?.message).toBe(
      "“After parent” is due 2028-06-30, after the objective it is aligned under (due 2027-12-31).",
    );
  });

  it("answer 404 to someone who cannot see the plan", async () => {
    expect((await w.as.memberB.get(`/api/v1/plans/${p.memberAPlan.id}/checks`)).status).toBe(404);
    const plan = (await w.as.director.get(`/api/v1/plans/${p.deptPlan.id}`)).json<StrategicPlan>();
    expect((await w.as.otherAdmin.get(`/api/v1/plans/${plan.id}/checks`)).status).toBe(404);
  });
});

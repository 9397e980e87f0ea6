import type { Initiative, Objective, PlanTemplate, StrategicPlan } from "@oars/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { created } from "../../../test/plans.fixtures";

let t: TestApp;
let w: World;
beforeEach(async () => {
  t = await testApp();
  w = await buildWorld(t.app, t.db);
});
afterEach(async () => t.close());

const objectivesOf = async (id: string) =>
  (await w.as.admin.get(`/api/v1/plans/${id}/objectives`)).json<{ items: Objective[] }>().items;
const initiativesOf = async (id: string) =>
  (await w.as.admin.get(`/api/v1/plans/${id}/initiatives`)).json<{ items: Initiative[] }>().items;

describe("plan templates", () => {
  it("offer the three personas, each asking for its few numbers", async () => {
    const list = (await w.as.memberA.get("/api/v1/plan-templates")).json<{ items: PlanTemplate[] }>().items;
    expect(list.map((x) => [x.key, x.persona, x.ownerType])).toEqual([
      ["sales-director", "Sales director", "team"],
      ["new-salesperson", "New salesperson", "person"],
      ["account-manager", "Account manager", "person"],
    ]);
    for (const x of list) {
      expect(x.inputs.map((i) => i.key)).toContain("horizonMonths");
      expect(x.initiativeTitles).toHaveLength(4);
    }
  });

  it("pre-fill a new salesperson's year from the numbers given", async () => {
    const plan = await created(
      w.as.memberA.post("/api/v1/plans", {
        title: "Year one",
        ownerType: "person",
        ownerId: w.people.memberA.id,
        horizonStart: "2026-03-01",
        templateKey: "new-salesperson",
        templateInputs: { firstYearRevenue: 40_000_000, fullQuotaMonth: 5 },
      }),
    );
    const got = (await w.as.memberA.get(`/api/v1/plans/${plan.id}`)).json<StrategicPlan>();
    expect(got).toMatchObject({ horizonEnd: "2027-02-28", templateKey: "new-salesperson" });
    expect(got.statement).toContain("within the first year");
    const objectives = await objectivesOf(plan.id);
    expect(objectives.map((o) => [o.title, o.target, o.dueDate, o.ownerId])).toEqual([
      ["Reach full quota by month 5", 100, "2026-07-31", w.people.memberA.id],
      ["Win EUR 400,000 in the first year", 40_000_000, "2027-02-28", w.people.memberA.id],
      ["Complete 10 product knowledge modules", 10, "2026-07-31", w.people.memberA.id],
      ["Hold 12 feedback sessions", 12, "2027-02-28", w.people.memberA.id],
    ]);
    const initiatives = await initiativesOf(plan.id);
    expect(initiatives.map((i) => i.title)).toEqual([
      "Learn products and customer demographics",
      "Mentorship with an experienced colleague",
      "Progressively increasing personal goals",
      "Actively seek feedback",
    ]);
    expect(initiatives[3]?.objectiveIds).toEqual([objectives[3]?.id]);
  });

  it("an admin saves a plan as an org template that others then start from", async () => {
    const source = await created(
      w.as.director.post("/api/v1/plans", {
        title: "Overhaul",
        ownerType: "team",
        ownerId: w.teams.dept,
        horizonStart: "2026-01-01",
        templateKey: "sales-director",
      }),
    );
    expect(
      (await w.as.director.post(`/api/v1/plans/${source.id}/save-as-template`, { name: "x" })).status,
    ).toBe(403);
    const saved = await w.as.admin.post(`/api/v1/plans/${source.id}/save-as-template`, {
      name: "Northwind overhaul",
      persona: "Regional manager",
    });
    expect(saved.status).toBe(201);
    const template = saved.json<PlanTemplate>();
    expect(template).toMatchObject({ source: "org", inputs: [], ownerType: "team" });
    const copy = await created(
      w.as.managerA.post("/api/v1/plans", {
        title: "Team A overhaul",
        ownerType: "team",
        ownerId: w.teams.a,
        horizonStart: "2027-01-01",
        templateKey: template.key,
      }),
    );
    const plan = (await w.as.managerA.get(`/api/v1/plans/${copy.id}`)).json<StrategicPlan>();
    expect(plan.horizonEnd).toBe("2028-12-31");
    const objectives = await objectivesOf(copy.id);
    expect(objectives).toHaveLength(4);
    expect(new Set(objectives.map((o) => o.ownerId))).toEqual(new Set([w.teams.a]));
    expect((await initiativesOf(copy.id)).every((i) => i.objectiveIds.length > 0)).toBe(true);
    const stale = await w.as.admin.delete(`/api/v1/plan-templates/${template.key}?version=9`);
    expect(stale.status).toBe(409);
    expect((await w.as.admin.delete(`/api/v1/plan-templates/${template.key}?version=1`)).status).toBe(204);
    const list = (await w.as.admin.get("/api/v1/plan-templates")).json<{ items: PlanTemplate[] }>().items;
    expect(list.map((x) => x.source)).toEqual(["builtin", "builtin", "builtin"]);
  });
});

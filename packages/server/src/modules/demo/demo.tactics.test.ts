// The demo's tactical plans tell the story of issue 5: a current-quarter plan under each strategic
// plan, this year's revenue split over quarters and regions and then months and reps with the new
// salesperson ramping, funnels checked against history, and one rep booked beyond her week.
import type {
  MyWeek,
  PlanChecks,
  TacticalFunnel,
  TacticalPlan,
  TargetSplit,
  TargetSplitDetail,
} from "@oars/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signInDirect } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { seedDemo } from "./demo.seed";

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ isolated: true });
});
afterEach(async () => t.close());

const TODAY = "2026-11-27";

describe("demo tactical plans", () => {
  it("split, ramp, funnel, actions and checks", async () => {
    const demo = await seedDemo({ db: t.db, config: t.config, mailer: null }, { today: TODAY });
    const person = async (key: string) =>
      t.db.k
        .selectFrom("people")
        .select(["id", "email"])
        .where("email", "=", `${key}@northwind.example`)
        .executeTakeFirstOrThrow();
    const dana = await signInDirect(t.app, t.db, await person("dana"), demo.orgId);
    const plans = (await dana.get("/api/v1/tactical-plans")).json<{ items: TacticalPlan[] }>().items;
    expect(plans.map((p) => p.title).sort()).toEqual([
      "Alan's major accounts this year · Q4 FY2026",
      "Central · Q4 FY2026",
      "East · Q4 FY2026",
      "Nina's first year · Q4 FY2026",
      "Northwind Sales · Q4 FY2026",
      "West · Q4 FY2026",
    ]);
    const east = plans.find((p) => p.title.startsWith("East"));
    const splits = (await dana.get(`/api/v1/tactical-plans/${east?.id}/splits`)).json<{
      items: TargetSplit[];
    }>().items;
    const detail = (await dana.get(`/api/v1/splits/${splits[0]?.id}`)).json<TargetSplitDetail>();
    expect(detail.gapToTarget).toBe(0);
    const nina = (await person("nina")).id;
    const omar = (await person("omar")).id;
    const first = (id: string) => detail.grid.cells.find((c) => c.rowId === id)?.amount ?? 0;
    expect(first(nina)).toBeLessThan(first(omar));

    for (const p of plans) {
      const checks = (await dana.get(`/api/v1/plans/${p.strategicPlanId}/checks`)).json<PlanChecks>();
      const codes = checks.findings.map((f) => f.code);
      expect(codes, p.title).not.toContain("milestones_do_not_add_up");
      expect(codes, p.title).not.toContain("action_missing_owner");
      if (p.title.startsWith("West")) expect(codes).toContain("person_over_capacity");
    }
    const dept = plans.find((p) => p.title.startsWith("Northwind"));
    const funnel = (await dana.get(`/api/v1/tactical-plans/${dept?.id}/funnel`)).json<TacticalFunnel>();
    expect(funnel.dealCount).toBeGreaterThan(100);
    expect(funnel.gaps.map((g) => g.stage ?? g.assumption)).toContain("Negotiation");

    const ninaClient = await signInDirect(t.app, t.db, await person("nina"), demo.orgId);
    const week = (await ninaClient.get("/api/v1/my-week?date=2026-11-25")).json<MyWeek>();
    expect(week.weekItems.map((o) => o.title)).toContain("Mentor check-in");
    expect(week.activityTargets.map((a) => a.activity)).toEqual(["calls", "meetings"]);
  });
});

import type { Action, FunnelComparison, FunnelDefaults, FunnelLearned, TacticalFunnel } from "@oars/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { buildTacticsWorld, insertDeal, type TacticsWorld } from "../../../test/tactics.fixtures";
import { ensureStages } from "../crm/stages.service";
import { addDaysIso, todayInZone } from "../../lib/dates";

let t: TestApp;
let w: World;
let tw: TacticsWorld;
beforeEach(async () => {
  t = await testApp();
  w = await buildWorld(t.app, t.db);
  tw = await buildTacticsWorld(w);
});
afterEach(async () => t.close());

type Err = { error: { code: string; field?: string; message: string } };
const needed = (steps: { name: string; needed: number }[], name: string) =>
  steps.find((s) => s.name === name)?.needed;
const worked = {
  revenueTargetMinor: 140_000_00,
  averageDealSizeMinor: 10_000_00,
  stages: [
    { name: "meeting", conversionToNext: 0.5 },
    { name: "proposal", conversionToNext: 0.4 },
  ],
  activityRatios: [{ activity: "calls", perStage: "meeting", count: 8 }],
  peopleCount: 2,
};

describe("reverse funnel", () => {
  it("the worked example: 14 deals at 40 % need 35 proposals; at 50 %, 70 meetings — and a scenario beside it", async () => {
    const res = await w.as.viewer.post("/api/v1/funnel/calculate", {
      base: { ...worked, start: "2026-01-01", end: "2026-03-31" },
      scenarios: [{ name: "Win rate drops", conversionByStage: { proposal: 0.2 } }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const c = res.json<FunnelComparison>();
    expect(c.base.dealsWon).toBe(14);
    expect(needed(c.base.steps, "proposal")).toBe(35);
    expect(needed(c.base.steps, "meeting")).toBe(70);
    expect(needed(c.base.steps, "calls")).toBe(560);
    expect(c.periods.map((p) => p.key)).toEqual(["2026-01", "2026-02", "2026-03"]);
    const variant = c.variants[0];
    expect(needed(variant?.result.steps ?? [], "proposal")).toBe(70);
    expect(variant?.deltas.find((d) => d.name === "meeting")).toMatchObject({
      base: 70,
      variant: 140,
      delta: 70,
    });
    const bad = await w.as.viewer.post("/api/v1/funnel/calculate", {
      base: {
        ...worked,
        stages: [{ name: "meeting", conversionToNext: 1.5 }],
        start: "2026-01-01",
        end: "2026-03-31",
      },
    });
    expect([bad.status, bad.json<Err>().error.field]).toEqual([400, "base.stages[0].conversionToNext"]);
    const badScenario = await w.as.viewer.post("/api/v1/funnel/calculate", {
      base: { ...worked, start: "2026-01-01", end: "2026-03-31" },
      scenarios: [{ name: "Nothing closes", changes: { averageDealSizeMinor: 0 } }],
    });
    expect(badScenario.json<Err>().error.field).toBe("scenarios[0].averageDealSizeMinor");
  });

  it("a plan's funnel starts from the defaults, saves assumptions (applying a scenario) and refuses bad rates", async () => {
    const url = `/api/v1/tactical-plans/${tw.teamATactical.id}/funnel`;
    const first = (await w.as.memberA.get(url)).json<TacticalFunnel>();
    expect(first).toMatchObject({ source: "builtin", peopleCount: 2 });
    // Team A's yearly 60,000.00 prorated to Q1's working days (64 of 261).
    expect(first.revenueTargetMinor).toBe(Math.round((60_000_00 * 64) / 261));
    const saved = await w.as.managerA.request("PUT", url, { assumptions: worked, version: first.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const funnel = saved.json<TacticalFunnel>();
    expect(funnel).toMatchObject({ source: "plan", revenueTargetMinor: 140_000_00, peopleCount: 2 });
    expect(needed(funnel.result.steps, "meeting")).toBe(70);
    expect(
      (await w.as.managerA.request("PUT", url, { assumptions: worked, version: first.version })).status,
    ).toBe(409);
    const bad = await w.as.managerA.request("PUT", url, {
      assumptions: { ...worked, stages: [{ name: "meeting", conversionToNext: 0 }] },
      version: funnel.version,
    });
    expect([bad.status, bad.json<Err>().error.field]).toEqual([
      400,
      "assumptions.stages[0].conversionToNext",
    ]);
    expect(
      (await w.as.memberA.request("PUT", url, { assumptions: worked, version: funnel.version })).status,
    ).toBe(403);
  });

  it("learns rates from the owner's history with the sample size, and flags a plan far from it", async () => {
    const stages = await ensureStages(t.db.k, w.orgId);
    const id = (name: string) => stages.find((s) => s.name === name)?.id ?? "";
    const today = todayInZone("Europe/Paris");
    const day = addDaysIso(today, -40);
    for (let i = 0; i < 25; i++) {
      const won = i < 5;
      await insertDeal(t.db, w, {
        ownerId: w.people.memberA.id,
        teamId: w.teams.a,
        status: won ? "won" : "lost",
        amountMinor: 12_000_00,
        created: addDaysIso(day, -30),
        closed: day,
        stageIds: won
          ? [id("Qualification"), id("Proposal"), id("Closed won")]
          : [id("Qualification"), id("Proposal")],
      });
    }
    const learned = (
      await w.as.managerA.get(`/api/v1/funnel/learned?ownerType=person&ownerId=${w.people.memberA.id}`)
    ).json<FunnelLearned>();
    expect(learned.own.winRate).toEqual({ value: 0.2, sampleSize: 25 });
    expect(learned.own.averageDealSizeMinor).toEqual({ value: 12_000_00, sampleSize: 5 });
    expect(learned.rates.winRate.source).toBe("person");
    expect(
      (await w.as.memberB.get(`/api/v1/funnel/learned?ownerType=person&ownerId=${w.people.memberA.id}`))
        .status,
    ).toBe(404);

    const url = `/api/v1/tactical-plans/${tw.memberATactical.id}/funnel`;
    const version = (await w.as.memberA.get(url)).json<TacticalFunnel>().version;
    const optimistic = {
      ...worked,
      stages: [{ name: "Proposal", conversionToNext: 0.6 }],
      activityRatios: [],
    };
    const funnel = (
      await w.as.memberA.request("PUT", url, { assumptions: optimistic, version })
    ).json<TacticalFunnel>();
    expect(funnel.dealCount).toBe(25);
    expect(funnel.gaps.map((g) => [g.assumption, g.direction, g.sampleSize])).toEqual([
      ["winRate", "optimistic", 25],
      ["stageConversion", "optimistic", 25],
    ]);
  });

  it("turns weekly activity targets into recurring actions for each rep", async () => {
    const url = `/api/v1/tactical-plans/${tw.teamATactical.id}/funnel`;
    const version = (await w.as.managerA.get(url)).json<TacticalFunnel>().version;
    await w.as.managerA.request("PUT", url, { assumptions: worked, version });
    const res = await w.as.managerA.post(`${url}/actions`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const items = res.json<{ items: Action[] }>().items;
    // 560 calls over 2 people and 90 days (12.9 weeks): 22 a week each.
    expect(items.map((a) => [a.title, a.ownerName])).toEqual([
      ["22 calls a week", "Mia Member"],
      ["22 calls a week", "Mo Member"],
    ]);
    expect(items[0]?.recurrence).toMatchObject({ frequency: "weekly", weekdays: [1], until: "2026-03-31" });
  });

  it("the org's default funnel belongs to the admins", async () => {
    const body = { assumptions: { ...worked, revenueTargetMinor: null, peopleCount: null } };
    expect((await w.as.director.request("PUT", "/api/v1/funnel/defaults", body)).status).toBe(403);
    const saved = await w.as.admin.request("PUT", "/api/v1/funnel/defaults", body);
    expect(saved.json<FunnelDefaults>()).toMatchObject({ source: "org", version: 1 });
    expect((await w.as.admin.request("PUT", "/api/v1/funnel/defaults", body)).status).toBe(409);
    const plan = (
      await w.as.memberA.get(`/api/v1/tactical-plans/${tw.teamATactical.id}/funnel`)
    ).json<TacticalFunnel>();
    expect(plan.source).toBe("org");
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import {
  CommentCreate,
  InitiativeCreate,
  ObjectiveCreate,
  ObjectiveUpdate,
  PlanCreate,
  PlanStatus,
  PlanUpdate,
  assertPlanTransition,
  canTransitionPlan,
} from "./plans";

const STATUSES = PlanStatus.options;

function firstIssue(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return result.error?.issues[0];
}

describe("plan contracts", () => {
  it("lets the horizon be omitted so the server can fill two fiscal years", () => {
    const plan = PlanCreate.parse({ title: "Grow the department", ownerType: "team", ownerId: "t1" });
    expect(plan).toEqual({
      title: "Grow the department",
      ownerType: "team",
      ownerId: "t1",
      statement: "",
      templateKey: null,
    });
  });

  it("refuses a horizon that ends before it starts, naming horizonEnd", () => {
    const result = PlanCreate.safeParse({
      title: "x",
      ownerType: "person",
      ownerId: "p1",
      horizonStart: "2026-01-01",
      horizonEnd: "2025-12-31",
    });
    expect(firstIssue(result)?.path).toEqual(["horizonEnd"]);
  });

  it("wants a version on every update", () => {
    expect(PlanUpdate.safeParse({ title: "Renamed" }).success).toBe(false);
    expect(PlanUpdate.parse({ title: "Renamed", version: 3 })).toEqual({ title: "Renamed", version: 3 });
  });
});

describe("plan status transitions", () => {
  it("allows exactly the forward moves", () => {
    const allowed = STATUSES.flatMap((from) =>
      STATUSES.filter((to) => from !== to && canTransitionPlan(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(["active→closed", "closed→archived", "draft→active", "draft→archived"]);
    expect(canTransitionPlan("active", "draft")).toBe(false);
  });

  it("never allows a way back: no two statuses reach each other", () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATUSES), fc.constantFrom(...STATUSES), (a, b) => {
        if (a !== b) expect(canTransitionPlan(a, b) && canTransitionPlan(b, a)).toBe(false);
        expect(canTransitionPlan(a, a)).toBe(true);
      }),
    );
  });

  it("throws a DomainError on status for a refused move", () => {
    expect(() => assertPlanTransition("active", "draft")).toThrow(DomainError);
    const refused = (() => {
      try {
        assertPlanTransition("archived", "active");
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).field).toBe("status");
    expect(() => assertPlanTransition("draft", "active")).not.toThrow();
  });
});

describe("objective contracts", () => {
  it("accepts a sketch with only a title", () => {
    const o = ObjectiveCreate.parse({ title: "Grow major accounts" });
    expect(o).toMatchObject({
      metric: null,
      target: null,
      dueDate: null,
      ownerId: null,
      status: "not_started",
    });
  });

  it("refuses a title over 200 characters and a weight over 100", () => {
    expect(ObjectiveCreate.safeParse({ title: "x".repeat(201) }).success).toBe(false);
    expect(ObjectiveCreate.safeParse({ title: "x", weight: 101 }).success).toBe(false);
  });

  it("refuses a due date before the start date, naming dueDate", () => {
    const create = ObjectiveCreate.safeParse({ title: "x", startDate: "2026-03-01", dueDate: "2026-02-28" });
    expect(firstIssue(create)).toMatchObject({
      path: ["dueDate"],
      message: "dueDate must not be before startDate",
    });
    const update = ObjectiveUpdate.safeParse({ version: 1, startDate: "2026-03-01", dueDate: "2026-02-01" });
    expect(firstIssue(update)?.path).toEqual(["dueDate"]);
  });

  it("names metric.key for an unknown metric", () => {
    const result = ObjectiveCreate.safeParse({ title: "x", metric: { key: "bogus" } });
    expect(firstIssue(result)?.path).toEqual(["metric", "key"]);
    expect(firstIssue(result)?.message).toContain("metric.key");
  });

  it("wants money targets in whole minor units and owners as pairs", () => {
    const money = ObjectiveCreate.safeParse({ title: "x", metric: { key: "revenue_won" }, target: 10.5 });
    expect(firstIssue(money)?.path).toEqual(["target"]);
    const half = ObjectiveCreate.safeParse({ title: "x", ownerType: "person" });
    expect(firstIssue(half)?.path).toEqual(["ownerId"]);
  });
});

describe("initiative and comment contracts", () => {
  it("defaults an initiative and refuses a negative or fractional budget", () => {
    expect(InitiativeCreate.parse({ title: "Deploy CRM" })).toMatchObject({
      budgetMinor: 0,
      status: "planned",
      objectiveIds: [],
    });
    expect(InitiativeCreate.safeParse({ title: "x", budgetMinor: -1 }).success).toBe(false);
    expect(InitiativeCreate.safeParse({ title: "x", budgetMinor: 1.5 }).success).toBe(false);
    expect(InitiativeCreate.safeParse({ title: "x", objectiveIds: ["a", "a"] }).success).toBe(false);
    const dates = InitiativeCreate.safeParse({ title: "x", startDate: "2026-02-01", endDate: "2026-01-01" });
    expect(firstIssue(dates)?.path).toEqual(["endDate"]);
  });

  it("bounds a comment at 10,000 characters", () => {
    const ok = { entity: "objective", entityId: "o1", body: "x".repeat(10_000) };
    expect(CommentCreate.parse(ok).mentions).toEqual([]);
    expect(CommentCreate.safeParse({ ...ok, body: "x".repeat(10_001) }).success).toBe(false);
    expect(CommentCreate.safeParse({ ...ok, body: "   " }).success).toBe(false);
  });
});

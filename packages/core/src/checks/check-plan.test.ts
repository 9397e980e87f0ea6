import { describe, expect, it } from "vitest";
import { alignmentCycle, alignmentCycles } from "./alignment";
import { checkPlan } from "./check-plan";
import type { ObjectiveToCheck, PlanCheckInput, TacticalToCheck } from "./types";

function objective(id: string, change: Partial<ObjectiveToCheck> = {}): ObjectiveToCheck {
  return {
    id,
    title: `Grow ${id}`,
    metricKey: "revenue_won",
    baseline: 100_00,
    target: 500_00,
    startDate: "2026-01-01",
    dueDate: "2026-12-31",
    ownerType: "person",
    ownerId: "ana",
    parentObjectiveId: null,
    currency: "EUR",
    ...change,
  };
}

function plan(objectives: ObjectiveToCheck[], change: Partial<PlanCheckInput> = {}): PlanCheckInput {
  return {
    plan: { id: "p", horizonStart: "2026-01-01", horizonEnd: "2027-12-31" },
    objectives,
    initiatives: [{ id: "i", title: "Deploy CRM", objectiveIds: objectives.map((o) => o.id) }],
    questions: [],
    ...change,
  };
}

function tactics(change: Partial<TacticalToCheck>): TacticalToCheck {
  return { milestones: [], actions: [], allocations: [], capacities: [], current: null, ...change };
}

describe("checkPlan", () => {
  it("names what an objective lacks, in plain words, errors first", () => {
    const findings = checkPlan(
      plan([
        objective("o1", { metricKey: null, target: null, dueDate: null, ownerId: null, ownerType: null }),
      ]),
    );
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ["objective_missing_metric", "error"],
      ["objective_missing_target", "error"],
      ["objective_missing_due_date", "error"],
      ["objective_missing_owner", "error"],
    ]);
    expect(findings[0]).toEqual({
      code: "objective_missing_metric",
      severity: "error",
      message: "“Grow o1” has no metric, so its progress cannot be measured.",
      target: { kind: "objective", id: "o1" },
    });
  });

  it("reads a target against the metric's direction, in the metric's unit", () => {
    const [down] = checkPlan(plan([objective("o1", { baseline: 500_00, target: 400_00 })]));
    expect(down?.code).toBe("target_against_growth");
    expect(down?.message).toContain("EUR 400.00");
    const shorterCycle = objective("o2", { metricKey: "sales_cycle_length", baseline: 60, target: 45 });
    expect(checkPlan(plan([shorterCycle]))).toEqual([]);
    const longerCycle = objective("o2", { metricKey: "sales_cycle_length", baseline: 60, target: 75 });
    expect(checkPlan(plan([longerCycle]))[0]?.message).toContain("75 days");
  });

  it("checks a due date against the horizon and the parent's, in or out of the plan", () => {
    const parent = objective("o1", { dueDate: "2026-06-30" });
    const child = objective("o2", { parentObjectiveId: "o1", dueDate: "2026-07-31" });
    const outside = objective("o3", { dueDate: "2028-01-31" });
    const external = objective("o4", { parentObjectiveId: "dept", parentDueDate: "2026-03-31" });
    const codes = checkPlan(plan([parent, child, outside, external])).map((f) => [f.code, f.target.id]);
    expect(codes).toEqual([
      ["due_date_after_parent", "o2"],
      ["due_date_after_parent", "o4"],
      ["due_date_outside_horizon", "o3"],
    ]);
  });

  it("reports a loop of alignment once, and no deadline finding on it", () => {
    const a = objective("a", { parentObjectiveId: "b", dueDate: "2026-03-31" });
    const b = objective("b", { parentObjectiveId: "a" });
    const findings = checkPlan(plan([b, a]));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe(
      "“Grow a” is aligned under itself (“Grow a” → “Grow b” → “Grow a”); align one of them elsewhere.",
    );
  });

  it("pairs objectives and initiatives, ignoring dropped objectives and cancelled initiatives", () => {
    const findings = checkPlan(
      plan([objective("o1"), objective("o2", { status: "dropped" }), objective("o3", { status: "done" })], {
        initiatives: [
          { id: "i1", title: "Hire", objectiveIds: ["o2"] },
          { id: "i2", title: "Train", objectiveIds: ["o1"], status: "cancelled" },
        ],
      }),
    );
    expect(findings.map((f) => [f.code, f.target.id])).toEqual([
      ["objective_without_initiative", "o1"],
      ["initiative_without_objective", "i1"],
    ]);
  });

  it("flags more than five objectives for one owner, configurable", () => {
    const six = ["a", "b", "c", "d", "e", "f"].map((id) =>
      objective(id, { ownerType: "team", ownerId: "west" }),
    );
    const [finding] = checkPlan(plan(six));
    expect(finding).toMatchObject({
      code: "too_many_objectives_for_owner",
      target: { kind: "team", id: "west" },
    });
    expect(checkPlan(plan(six.slice(0, 3)), { maxObjectivesPerOwner: 2 })).toHaveLength(1);
  });

  it("asks for the required refinement questions only", () => {
    const questions = [
      { key: "market", text: "Which markets?", required: true, answer: "  " },
      { key: "stop", text: "What do we stop doing?", required: false, answer: null },
    ];
    const findings = checkPlan(plan([objective("o1")], { questions }));
    expect(findings).toMatchObject([
      { code: "required_question_unanswered", target: { kind: "question", id: "market" } },
    ]);
  });
});

describe("checkPlan, tactical part", () => {
  const o1 = objective("o1", { target: 300_00 });
  const milestone = (id: string, target: number, parentMilestoneId: string | null = null) => ({
    id,
    objectiveId: "o1",
    parentMilestoneId,
    target,
    tacticalPlanId: "q1",
  });

  it("wants milestones to add up to the objective and parts to their milestone", () => {
    const tactical = tactics({
      milestones: [
        milestone("jan", 100_00),
        milestone("feb", 100_00),
        milestone("mar", 90_00),
        milestone("ana", 60_00, "jan"),
      ],
    });
    const findings = checkPlan(plan([o1], { tactical }));
    expect(findings.map((f) => [f.code, f.target.kind, f.message])).toEqual([
      [
        "milestones_do_not_add_up",
        "milestone",
        "The parts of a milestone of “Grow o1” add up to EUR 60.00, but it is EUR 100.00.",
      ],
      [
        "milestones_do_not_add_up",
        "objective",
        "The milestones of “Grow o1” add up to EUR 290.00, but its target is EUR 300.00.",
      ],
    ]);
  });

  it("does not sum milestones of ratio metrics", () => {
    const rate = objective("o1", { metricKey: "win_rate", baseline: 20, target: 25 });
    expect(checkPlan(plan([rate], { tactical: tactics({ milestones: [milestone("q", 10)] }) }))).toEqual([]);
  });

  it("wants open actions owned and dated", () => {
    const action = { objectiveId: "o1", tacticalPlanId: "q1" };
    const tactical = tactics({
      actions: [
        { ...action, id: "a1", title: "Call Acme", ownerId: null, dueDate: "2026-02-01" },
        { ...action, id: "a2", title: "Demo", ownerId: "ana", dueDate: null },
        { ...action, id: "a3", title: "Old", ownerId: null, dueDate: null, closed: true },
      ],
    });
    expect(checkPlan(plan([o1], { tactical })).map((f) => [f.code, f.target.id])).toEqual([
      ["action_missing_owner", "a1"],
      ["action_missing_due_date", "a2"],
    ]);
  });

  it("counts only the hours booked at the same time against a person's week", () => {
    const capacities = [{ personId: "ana", personName: "Ana Silva", capacityHoursPerWeek: 40 }];
    const jan = { personId: "ana", hoursPerWeek: 30, startDate: "2026-01-01", endDate: "2026-01-31" };
    const feb = { personId: "ana", hoursPerWeek: 30, startDate: "2026-02-01", endDate: "2026-02-28" };
    expect(checkPlan(plan([o1], { tactical: tactics({ capacities, allocations: [jan, feb] }) }))).toEqual([]);
    const always = { personId: "ana", hoursPerWeek: 12.5 };
    const [finding] = checkPlan(
      plan([o1], { tactical: tactics({ capacities, allocations: [jan, feb, always] }) }),
    );
    expect(finding).toMatchObject({
      code: "person_over_capacity",
      target: { kind: "person", id: "ana" },
      message: "Ana Silva is allocated 42.5 hours a week from 2026-01-01 but has 40.",
    });
  });

  it("wants each live objective of the period worked on in the current tactical plan", () => {
    const later = objective("o2", { startDate: "2026-07-01" });
    const done = objective("o3", { status: "done" });
    const current = { id: "q1", periodStart: "2026-01-01", periodEnd: "2026-03-31" };
    const elsewhere = { ...milestone("m", 300_00), tacticalPlanId: "q0" };
    const findings = checkPlan(
      plan([o1, later, done], { tactical: tactics({ current, milestones: [elsewhere] }) }),
    );
    expect(findings.map((f) => [f.code, f.target.id])).toEqual([["objective_without_tactics", "o1"]]);
  });
});

describe("alignmentCycle", () => {
  const tree = [
    { id: "org", parentObjectiveId: null },
    { id: "dept", parentObjectiveId: "org" },
    { id: "rep", parentObjectiveId: "dept" },
  ];

  it("returns the loop a new parent would close, else null", () => {
    expect(alignmentCycle(tree, "org", "rep")).toEqual(["org", "rep", "dept"]);
    expect(alignmentCycle(tree, "dept", "dept")).toEqual(["dept"]);
    expect(alignmentCycle(tree, "rep", "org")).toBeNull();
    expect(alignmentCycle(tree, "org", null)).toBeNull();
    expect(alignmentCycle(tree, "new", "rep")).toBeNull();
  });

  it("does not blame a write for a loop it does not pass through", () => {
    const looped = [...tree, { id: "x", parentObjectiveId: "y" }, { id: "y", parentObjectiveId: "x" }];
    expect(alignmentCycle(looped, "rep", "x")).toBeNull();
    expect(alignmentCycles(looped)).toEqual([["x", "y"]]);
  });
});

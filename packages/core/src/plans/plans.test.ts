import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths } from "../calendar/dates";
import { checkPlan } from "../checks";
import { ObjectiveCreate } from "../contracts/plan-objectives";
import { DomainError } from "../errors";
import { metricByKey } from "../metrics";
import { compareWithBaseline, planSnapshot } from "./baseline";
import type { PlanDraft, TemplateContext } from "./drafts";
import { PLAN_TEMPLATES, builtinTemplate, spanInWords } from "./personas";
import { DEFAULT_REFINEMENT_QUESTIONS } from "./questions";
import { draftFromSavedTemplate, savedTemplateBody } from "./saved-templates";
import { templateInputValues } from "./template-inputs";

const ctxFor = (start: string, months: number, ownerType: "person" | "team" = "team"): TemplateContext => ({
  horizonStart: start,
  horizonEnd: addDays(addMonths(start, months), -1),
  currency: "USD",
  ownerType,
  ownerId: ownerType === "team" ? "t1" : "p1",
  headcount: 12,
});

/** The draft as plain check input, every question answered, as the service would load it. */
function checkInput(draft: PlanDraft, ctx: TemplateContext) {
  return {
    plan: { id: "plan", horizonStart: ctx.horizonStart, horizonEnd: ctx.horizonEnd },
    objectives: draft.objectives.map((o, i) => ({
      id: `o${i}`,
      title: o.title,
      metricKey: o.metric?.key ?? null,
      baseline: o.baseline,
      target: o.target,
      startDate: o.startDate,
      dueDate: o.dueDate,
      ownerType: o.ownerType,
      ownerId: o.ownerId,
      parentObjectiveId: null,
    })),
    initiatives: draft.initiatives.map((x, i) => ({
      id: `i${i}`,
      title: x.title,
      objectiveIds: x.serves.map((k) => `o${k}`),
    })),
    questions: DEFAULT_REFINEMENT_QUESTIONS.map((q) => ({ ...q, answer: "Answered." })),
  };
}

describe("persona templates", () => {
  it("ship the three personas of the source article, each with its four initiatives", () => {
    expect(PLAN_TEMPLATES.map((t) => t.persona)).toEqual([
      "Sales director",
      "New salesperson",
      "Account manager",
    ]);
    const director = builtinTemplate("sales-director");
    const draft = director?.build(templateInputValues(director), ctxFor("2026-01-01", 24));
    expect(draft?.initiatives.map((i) => i.title)).toEqual([
      "Analyse current sales methodologies and metrics",
      "Training and development programme",
      "CRM tracking of activities and customer interactions",
      "Clear targets with regular performance evaluations",
    ]);
    expect(draft?.objectives.map((o) => o.metric?.key)).toEqual([
      "revenue_won",
      "win_rate",
      "quota_attainment",
      "activities_logged",
    ]);
    expect(draft?.statement).toContain("over the next two years");
  });

  it("turn the numbers asked into targets", () => {
    const am = builtinTemplate("account-manager");
    if (!am) throw new Error("missing template");
    const draft = am.build(
      templateInputValues(am, { portfolioRevenue: 1_000_000, growthPercent: 10, retainedPercent: 80 }),
      ctxFor("2026-01-01", 12, "person"),
    );
    expect(draft.objectives[0]).toMatchObject({ baseline: 1_000_000, target: 1_100_000 });
    expect(draft.objectives[1]).toMatchObject({ target: 800_000, metric: { key: "revenue_retained" } });
    expect(draft.objectives[2]?.metric).toEqual({
      key: "client_meetings_per_account",
      filters: { tier: "Major" },
    });
    const nsp = builtinTemplate("new-salesperson");
    if (!nsp) throw new Error("missing template");
    const ramp = nsp.build(
      templateInputValues(nsp, { fullQuotaMonth: 4 }),
      ctxFor("2026-03-01", 12, "person"),
    );
    expect(ramp.objectives[0]).toMatchObject({ title: "Reach full quota by month 4", dueDate: "2026-06-30" });
  });

  it("refuse an unknown input, a number out of range and fractional money, naming the input", () => {
    const director = builtinTemplate("sales-director");
    if (!director) throw new Error("missing template");
    const field = (given: Record<string, number>) => {
      try {
        templateInputValues(director, given);
        return null;
      } catch (e) {
        return e instanceof DomainError ? e.field : "not a DomainError";
      }
    };
    expect(field({ bogus: 1 })).toBe("templateInputs.bogus");
    expect(field({ currentWinRate: 120 })).toBe("templateInputs.currentWinRate");
    expect(field({ currentRevenue: 10.5 })).toBe("templateInputs.currentRevenue");
    expect(field({ horizonMonths: 18 })).toBeNull();
  });

  it("build, for any valid numbers and horizon, a plan the checks find complete", () => {
    const template = fc.constantFrom(...PLAN_TEMPLATES);
    fc.assert(
      fc.property(
        template,
        fc.integer({ min: 0, max: 3_000 }),
        fc.integer({ min: 3, max: 60 }),
        fc.nat(),
        (t, startOffset, months, pick) => {
          const given: Record<string, number> = {};
          for (const [k, i] of t.inputs.entries()) {
            const span = i.max - i.min;
            const raw = i.min + (((pick * (k + 7)) % 997) / 997) * Math.min(span, 1e9);
            given[i.key] = i.kind === "money" || i.kind === "months" ? Math.floor(raw) : raw;
          }
          given.horizonMonths = months;
          const ctx = ctxFor(addDays("2024-01-01", startOffset), months, t.ownerType);
          const draft = t.build(templateInputValues(t, given), ctx);
          for (const o of draft.objectives) {
            // Every pre-filled objective is a valid API input: known metric, whole money, due ≥ start.
            expect(ObjectiveCreate.safeParse({ ...o, title: o.title.slice(0, 200) }).success).toBe(true);
            expect(o.startDate >= ctx.horizonStart && (o.dueDate ?? "") <= ctx.horizonEnd).toBe(true);
            if (o.metric && metricByKey(o.metric.key).unit === "money")
              expect(Number.isInteger(o.target)).toBe(true);
          }
          for (const i of draft.initiatives)
            for (const k of i.serves) expect(draft.objectives[k]).toBeDefined();
          const findings = checkPlan(checkInput(draft, ctx)).filter(
            (f) => f.code !== "target_against_growth",
          );
          expect(findings).toEqual([]);
        },
      ),
    );
  });

  it("words a horizon as a planner would", () => {
    expect(spanInWords(ctxFor("2026-01-01", 24))).toBe("two years");
    expect(spanInWords(ctxFor("2026-01-01", 12))).toBe("year");
    expect(spanInWords(ctxFor("2026-01-01", 18))).toBe("18 months");
  });
});

describe("saved org templates", () => {
  it("keep dates relative to the horizon and links between objectives and initiatives", () => {
    const t = builtinTemplate("new-salesperson");
    if (!t) throw new Error("missing template");
    const from = ctxFor("2026-01-01", 12, "person");
    const draft = t.build(templateInputValues(t), from);
    const objectives = draft.objectives.map((o, i) => ({
      ...o,
      id: `o${i}`,
      status: i === 3 ? "dropped" : "on_track",
    }));
    const body = savedTemplateBody({
      horizonStart: from.horizonStart,
      horizonEnd: from.horizonEnd,
      statement: draft.statement,
      objectives,
      initiatives: draft.initiatives.map((i) => ({
        ...i,
        status: "planned",
        objectiveIds: i.serves.map((k) => `o${k}`),
      })),
    });
    expect(body.horizonMonths).toBe(12);
    expect(body.objectives).toHaveLength(3);
    // "Actively seek feedback" served only the dropped objective.
    expect(body.initiatives[3]?.serves).toEqual([]);
    const again = draftFromSavedTemplate(body, { ...ctxFor("2027-04-01", 12, "person"), ownerId: "p2" });
    // Day offsets, not months: 180 days after the start, as in the plan it came from.
    expect(again.objectives[0]).toMatchObject({ dueDate: "2027-09-28", ownerId: "p2" });
    expect(again.initiatives[0]?.serves).toEqual([2, 0]);
  });
});

describe("baseline comparison", () => {
  const plan = {
    id: "p",
    title: "Plan",
    statement: "Go",
    horizonStart: "2026-01-01",
    horizonEnd: "2027-12-31",
  };
  const o = (id: string, target: number) => ({
    id,
    title: `Objective ${id}`,
    metric: { key: "revenue_won" as const },
    baseline: 100,
    target,
    unit: "USD",
    startDate: "2026-01-01",
    dueDate: "2027-12-31",
    ownerType: "team",
    ownerId: "t1",
    weight: 10,
    perspective: "financial",
    status: "not_started",
    parentObjectiveId: null,
  });
  const i = (id: string, objectiveIds: string[]) => ({
    id,
    title: `Initiative ${id}`,
    ownerType: null,
    ownerId: null,
    startDate: null,
    endDate: null,
    budgetMinor: 0,
    status: "planned",
    objectiveIds,
  });

  it("finds nothing when nothing changed", () => {
    const snap = planSnapshot(plan, [o("a", 200)], [i("x", ["a"])]);
    expect(compareWithBaseline(snap, snap)).toEqual([]);
  });

  it("names what was added, removed and changed, field by field", () => {
    const before = planSnapshot(plan, [o("a", 200), o("b", 50)], [i("x", ["a"])]);
    const after = planSnapshot(
      { ...plan, statement: "Go faster" },
      [o("a", 250), o("c", 10)],
      [i("x", ["a", "c"])],
    );
    expect(compareWithBaseline(before, after)).toEqual([
      {
        kind: "plan",
        id: "p",
        title: "Plan",
        change: "changed",
        fields: [{ field: "statement", before: "Go", after: "Go faster" }],
      },
      {
        kind: "objective",
        id: "a",
        title: "Objective a",
        change: "changed",
        fields: [{ field: "target", before: 200, after: 250 }],
      },
      { kind: "objective", id: "c", title: "Objective c", change: "added", fields: [] },
      { kind: "objective", id: "b", title: "Objective b", change: "removed", fields: [] },
      {
        kind: "initiative",
        id: "x",
        title: "Initiative x",
        change: "changed",
        fields: [{ field: "objectives", before: "a", after: "a,c" }],
      },
    ]);
  });
});

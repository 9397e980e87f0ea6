// For tests only (not exported from the package): a generator of complete plans, in which
// checkPlan must find nothing, shared by the property tests and the defects injected into them.
import fc from "fast-check";
import { addDays } from "../calendar/dates";
import { METRICS, metricByKey } from "../metrics";
import type {
  ActionToCheck,
  InitiativeToCheck,
  MilestoneToCheck,
  ObjectiveToCheck,
  PlanCheckInput,
} from "./types";

export const HORIZON = { horizonStart: "2026-01-01", horizonEnd: "2027-12-31" };
const CURRENT = { id: "tp1", periodStart: "2026-01-01", periodEnd: "2026-03-31" };
const ADDITIVE = METRICS.filter((m) => m.kind === "additive").map((m) => m.key);

/** Whole parts of `whole` in proportion to `weights`, the rounding left on the last part. */
function split(whole: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => (sum === 0 ? 0 : Math.floor((whole * w) / sum)));
  const rest = whole - parts.reduce((a, b) => a + b, 0);
  parts[parts.length - 1] = (parts[parts.length - 1] ?? 0) + rest;
  return parts;
}

const objectiveSeed = fc.record({
  parentPick: fc.nat(),
  metric: fc.constantFrom(...METRICS.map((m) => m.key)),
  additiveMetric: fc.constantFrom(...ADDITIVE),
  base: fc.integer({ min: 0, max: 10_000 }),
  uplift: fc.integer({ min: 0, max: 100_000 }),
  hasBaseline: fc.boolean(),
  dueOffsetDays: fc.integer({ min: 0, max: 728 }),
  team: fc.boolean(),
  weights: fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 4 }),
  alsoAction: fc.boolean(),
  done: fc.boolean(),
});

/** A plan with nothing to find: every objective measurable, aligned in time, served and worked on. */
export const completePlan = (withTactics: fc.Arbitrary<boolean>) =>
  fc
    .record({
      objectives: fc.array(objectiveSeed, { minLength: 2, maxLength: 8 }),
      extraLinks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
      questions: fc.array(fc.record({ required: fc.boolean(), answered: fc.boolean() }), { maxLength: 5 }),
      allocations: fc.array(
        fc.record({
          person: fc.integer({ min: 0, max: 3 }),
          hours: fc.integer({ min: 0, max: 6 }),
          dated: fc.boolean(),
        }),
        { maxLength: 6 },
      ),
      withTactics,
    })
    .map((seed): PlanCheckInput => {
      const objectives: ObjectiveToCheck[] = [];
      const milestones: MilestoneToCheck[] = [];
      const actions: ActionToCheck[] = [];
      seed.objectives.forEach((s, i) => {
        const id = `o${i}`;
        const parent = i === 0 || s.parentPick % (i + 1) === i ? null : objectives[s.parentPick % i];
        const ownDue = addDays(HORIZON.horizonStart, s.dueOffsetDays);
        const dueDate = parent?.dueDate && parent.dueDate < ownDue ? parent.dueDate : ownDue;
        // The first objective is additive so a milestone defect always has somewhere to go.
        const metricKey = i === 0 ? s.additiveMetric : s.metric;
        const metric = metricByKey(metricKey);
        const [baseline, target] =
          metric.growth === "up" ? [s.base, s.base + s.uplift] : [s.base + s.uplift, s.base];
        objectives.push({
          id,
          title: `Objective ${i}`,
          metricKey,
          baseline: s.hasBaseline ? baseline : null,
          target,
          startDate: HORIZON.horizonStart,
          dueDate,
          ownerType: s.team ? "team" : "person",
          ownerId: s.team ? `t${i % 4}` : `p${i % 4}`,
          status: s.done && i > 0 ? "done" : "on_track",
          parentObjectiveId: parent?.id ?? null,
          currency: "EUR",
        });
        if (metric.kind === "additive") {
          const parts = split(target, s.weights);
          parts.forEach((part, k) =>
            milestones.push({
              id: `m${i}_${k}`,
              objectiveId: id,
              parentMilestoneId: null,
              target: part,
              tacticalPlanId: "tp1",
            }),
          );
          const first = parts[0] ?? 0;
          const half = Math.floor(first / 2);
          milestones.push(
            {
              id: `m${i}_0a`,
              objectiveId: id,
              parentMilestoneId: `m${i}_0`,
              target: half,
              tacticalPlanId: "tp1",
            },
            {
              id: `m${i}_0b`,
              objectiveId: id,
              parentMilestoneId: `m${i}_0`,
              target: first - half,
              tacticalPlanId: "tp1",
            },
          );
        }
        if (metric.kind === "ratio" || s.alsoAction) {
          actions.push({
            id: `a${i}`,
            title: `Action ${i}`,
            objectiveId: id,
            ownerId: `p${i % 4}`,
            dueDate: "2026-03-15",
            tacticalPlanId: "tp1",
          });
        }
      });
      const n = objectives.length;
      const initiatives: InitiativeToCheck[] = objectives.map((o, i) => ({
        id: `i${i}`,
        title: `Initiative ${i}`,
        objectiveIds: [
          o.id,
          ...seed.extraLinks.filter(([a]) => a % n === i).map(([, b]) => `o${b % n}`),
        ].filter((id, k, all) => all.indexOf(id) === k),
      }));
      return {
        plan: { id: "plan1", ...HORIZON },
        objectives,
        initiatives,
        questions: seed.questions.map((q, k) => ({
          key: `q${k}`,
          text: `Question ${k}?`,
          required: q.required,
          answer: q.required || q.answered ? "Our answer." : null,
        })),
        tactical: seed.withTactics
          ? {
              milestones,
              actions,
              allocations: seed.allocations.map((a) => ({
                personId: `p${a.person}`,
                hoursPerWeek: a.hours,
                startDate: a.dated ? "2026-02-01" : null,
                endDate: a.dated ? "2026-02-28" : null,
              })),
              capacities: [0, 1, 2, 3].map((k) => ({
                personId: `p${k}`,
                personName: `Person ${k}`,
                capacityHoursPerWeek: 40,
              })),
              current: CURRENT,
            }
          : undefined,
      };
    });

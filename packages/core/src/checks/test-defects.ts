// For tests only (not exported from the package): one way to break a complete plan per check,
// each expected to trip that check and no other.
import { addDays } from "../calendar/dates";
import { metricByKey } from "../metrics";
import { HORIZON } from "./test-plans";
import type { MilestoneToCheck, ObjectiveToCheck, PlanCheckCode, PlanCheckInput } from "./types";

export type Defect = {
  code: PlanCheckCode;
  needsTactics?: boolean;
  inject: (plan: PlanCheckInput, pick: number) => PlanCheckInput;
};

function withObjective(
  plan: PlanCheckInput,
  pick: number,
  change: (o: ObjectiveToCheck) => ObjectiveToCheck,
) {
  const at = pick % plan.objectives.length;
  return { ...plan, objectives: plan.objectives.map((o, i) => (i === at ? change(o) : o)) };
}
function tacticsOf(plan: PlanCheckInput) {
  if (!plan.tactical) throw new Error("this defect needs a tactical part");
  return plan.tactical;
}

export const DEFECTS: Defect[] = [
  {
    code: "objective_missing_metric",
    inject: (p, k) => withObjective(p, k, (o) => ({ ...o, metricKey: null })),
  },
  {
    code: "objective_missing_target",
    inject: (p, k) => withObjective(p, k, (o) => ({ ...o, target: null })),
  },
  {
    code: "objective_missing_due_date",
    inject: (p, k) => withObjective(p, k, (o) => ({ ...o, dueDate: null })),
  },
  {
    code: "objective_missing_owner",
    inject: (p, k) => withObjective(p, k, (o) => ({ ...o, ownerId: null, ownerType: null })),
  },
  {
    code: "due_date_outside_horizon",
    inject: (p) => withObjective(p, 0, (o) => ({ ...o, dueDate: addDays(HORIZON.horizonEnd, 1) })),
  },
  {
    code: "due_date_after_parent",
    inject: (p, k) =>
      withObjective(p, k, (o) => ({
        ...o,
        parentObjectiveId: "elsewhere",
        parentDueDate: addDays(o.dueDate ?? HORIZON.horizonEnd, -1),
      })),
  },
  {
    code: "target_against_growth",
    inject: (p, k) =>
      withObjective(p, k, (o) => {
        const target = o.target ?? 0;
        const up = o.metricKey !== null && metricByKey(o.metricKey)?.growth === "up";
        return { ...o, baseline: up ? target + 1 : target - 1 };
      }),
  },
  {
    code: "required_question_unanswered",
    inject: (p) => ({
      ...p,
      questions: [...p.questions, { key: "zz", text: "Who?", required: true, answer: " " }],
    }),
  },
  {
    code: "objective_without_initiative",
    // The first objective, because a done objective needs no initiative any more.
    inject: (p) => {
      const [lost, other] = ["o0", "o1"];
      const initiatives = p.initiatives.map((i) => {
        const rest = i.objectiveIds.filter((id) => id !== lost);
        return { ...i, objectiveIds: rest.length > 0 ? rest : [other] };
      });
      return { ...p, initiatives };
    },
  },
  {
    code: "initiative_without_objective",
    inject: (p) => ({
      ...p,
      initiatives: [...p.initiatives, { id: "ix", title: "Stray", objectiveIds: ["gone"] }],
    }),
  },
  {
    code: "too_many_objectives_for_owner",
    inject: (p) => {
      const first = p.objectives[0];
      if (!first) return p;
      // Six copies of a complete objective, each with its own copy of the milestones.
      const clones = [1, 2, 3, 4, 5, 6].map((c) => ({ ...first, id: `clone${c}` }));
      const ids = clones.map((c) => c.id);
      const copyMilestones = (milestones: readonly MilestoneToCheck[]) =>
        ids.flatMap((id) =>
          milestones
            .filter((m) => m.objectiveId === first.id)
            .map((m) => ({
              ...m,
              id: `${id}_${m.id}`,
              objectiveId: id,
              parentMilestoneId: m.parentMilestoneId && `${id}_${m.parentMilestoneId}`,
            })),
        );
      const tactical = p.tactical && {
        ...p.tactical,
        milestones: [...p.tactical.milestones, ...copyMilestones(p.tactical.milestones)],
      };
      const initiatives = [...p.initiatives, { id: "iclones", title: "Clones", objectiveIds: ids }];
      return { ...p, objectives: [...p.objectives, ...clones], initiatives, tactical };
    },
  },
  {
    code: "alignment_cycle",
    inject: (p, k) => {
      const a = k % p.objectives.length;
      const b = (a + 1) % p.objectives.length;
      const ids = p.objectives.map((o) => o.id);
      return {
        ...p,
        objectives: p.objectives.map((o, i) =>
          i === a
            ? { ...o, parentObjectiveId: ids[b] ?? null }
            : i === b
              ? { ...o, parentObjectiveId: ids[a] ?? null }
              : o,
        ),
      };
    },
  },
  {
    code: "milestones_do_not_add_up",
    needsTactics: true,
    inject: (p) => {
      const t = tacticsOf(p);
      const extra = {
        id: "mx",
        objectiveId: "o0",
        parentMilestoneId: null,
        target: 1,
        tacticalPlanId: "tp1",
      };
      return { ...p, tactical: { ...t, milestones: [...t.milestones, extra] } };
    },
  },
  {
    code: "action_missing_owner",
    needsTactics: true,
    inject: (p) => {
      const t = tacticsOf(p);
      const action = {
        id: "ax",
        title: "Call",
        objectiveId: "o0",
        ownerId: null,
        dueDate: "2026-02-01",
        tacticalPlanId: "tp1",
      };
      return { ...p, tactical: { ...t, actions: [...t.actions, action] } };
    },
  },
  {
    code: "action_missing_due_date",
    needsTactics: true,
    inject: (p) => {
      const t = tacticsOf(p);
      const action = {
        id: "ax",
        title: "Call",
        objectiveId: "o0",
        ownerId: "p0",
        dueDate: null,
        tacticalPlanId: "tp1",
      };
      return { ...p, tactical: { ...t, actions: [...t.actions, action] } };
    },
  },
  {
    code: "person_over_capacity",
    needsTactics: true,
    inject: (p) => {
      const t = tacticsOf(p);
      return {
        ...p,
        tactical: { ...t, allocations: [...t.allocations, { personId: "p2", hoursPerWeek: 41 }] },
      };
    },
  },
  {
    code: "objective_without_tactics",
    needsTactics: true,
    inject: (p) => {
      const t = tacticsOf(p);
      // The first objective is never done, so it must be worked on in the current tactical plan.
      const moved = <T extends { objectiveId: string | null; tacticalPlanId: string }>(x: T): T =>
        x.objectiveId === "o0" ? { ...x, tacticalPlanId: "tp0" } : x;
      return { ...p, tactical: { ...t, milestones: t.milestones.map(moved), actions: t.actions.map(moved) } };
    },
  },
];

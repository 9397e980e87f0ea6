// What the plan checks read and what they say: plain data the server loads once per plan, and
// findings that point at the thing to fix.
import type { IsoDate } from "../contracts/common";

export type OwnerKind = "person" | "team";

export interface ObjectiveToCheck {
  id: string;
  title: string;
  /** The MetricRef key; null while the objective has no metric yet. */
  metricKey: string | null;
  baseline: number | null;
  target: number | null;
  startDate: IsoDate | null;
  dueDate: IsoDate | null;
  ownerType: OwnerKind | null;
  ownerId: string | null;
  /** A dropped objective is left out of every check; a done one needs no more tactics. */
  status?: "not_started" | "on_track" | "at_risk" | "off_track" | "done" | "dropped";
  parentObjectiveId: string | null;
  /** The parent's due date when the parent lives in another plan (not among `objectives`). */
  parentDueDate?: IsoDate | null;
  /** For money values in messages. */
  currency?: string;
}

export interface InitiativeToCheck {
  id: string;
  title: string;
  objectiveIds: readonly string[];
  /** A cancelled initiative neither serves an objective nor needs one. */
  status?: "planned" | "in_progress" | "done" | "cancelled";
}

export interface QuestionToCheck {
  key: string;
  text: string;
  required: boolean;
  /** Null, or blank, when nobody answered yet. */
  answer: string | null;
}

export interface MilestoneToCheck {
  id: string;
  objectiveId: string;
  /** Null for a milestone that splits the objective itself; else the milestone it splits further. */
  parentMilestoneId: string | null;
  target: number;
  tacticalPlanId: string;
  label?: string;
}

export interface ActionToCheck {
  id: string;
  title: string;
  objectiveId: string | null;
  ownerId: string | null;
  dueDate: IsoDate | null;
  tacticalPlanId: string;
  /** Done or cancelled: it needs no owner or date any more. */
  closed?: boolean;
}

export interface AllocationToCheck {
  personId: string;
  hoursPerWeek: number;
  /** Without dates an allocation lasts the whole tactical plan. */
  startDate?: IsoDate | null;
  endDate?: IsoDate | null;
}

export interface CapacityToCheck {
  personId: string;
  personName: string;
  capacityHoursPerWeek: number;
}

export interface TacticalToCheck {
  /**
   * Every milestone of the plan's objectives, whichever tactical plan holds it: the top-level ones
   * of an objective must add up to its target, children to their parent milestone.
   */
  milestones: readonly MilestoneToCheck[];
  actions: readonly ActionToCheck[];
  allocations: readonly AllocationToCheck[];
  capacities: readonly CapacityToCheck[];
  /** The tactical plan running now: each live objective overlapping its period needs work in it. */
  current: { id: string; periodStart: IsoDate; periodEnd: IsoDate } | null;
}

export interface PlanCheckInput {
  plan: { id: string; horizonStart: IsoDate; horizonEnd: IsoDate };
  objectives: readonly ObjectiveToCheck[];
  initiatives: readonly InitiativeToCheck[];
  questions: readonly QuestionToCheck[];
  tactical?: TacticalToCheck;
}

export interface PlanCheckOptions {
  /** Beyond this many objectives one owner loses focus (default 5). */
  maxObjectivesPerOwner?: number;
}

export const PLAN_CHECK_CODES = [
  "alignment_cycle",
  "objective_missing_metric",
  "objective_missing_target",
  "objective_missing_due_date",
  "objective_missing_owner",
  "due_date_outside_horizon",
  "due_date_after_parent",
  "target_against_growth",
  "required_question_unanswered",
  "objective_without_initiative",
  "initiative_without_objective",
  "too_many_objectives_for_owner",
  "milestones_do_not_add_up",
  "action_missing_owner",
  "action_missing_due_date",
  "person_over_capacity",
  "objective_without_tactics",
] as const;
export type PlanCheckCode = (typeof PLAN_CHECK_CODES)[number];

export type Severity = "error" | "warning";

// Errors make progress unmeasurable or the plan inconsistent; warnings are advice a planner may
// knowingly overrule (a deliberate decline target, a sixth objective).
export const PLAN_CHECK_SEVERITY: Readonly<Record<PlanCheckCode, Severity>> = {
  alignment_cycle: "error",
  objective_missing_metric: "error",
  objective_missing_target: "error",
  objective_missing_due_date: "error",
  objective_missing_owner: "error",
  due_date_outside_horizon: "warning",
  due_date_after_parent: "error",
  target_against_growth: "warning",
  required_question_unanswered: "error",
  objective_without_initiative: "warning",
  initiative_without_objective: "warning",
  too_many_objectives_for_owner: "warning",
  milestones_do_not_add_up: "error",
  action_missing_owner: "warning",
  action_missing_due_date: "warning",
  person_over_capacity: "warning",
  objective_without_tactics: "warning",
};

export type FindingTargetKind =
  "plan" | "objective" | "initiative" | "question" | "milestone" | "action" | "person" | "team";

export interface PlanFinding {
  code: PlanCheckCode;
  severity: Severity;
  /** Plain words for the planner, naming the thing by its title. */
  message: string;
  target: { kind: FindingTargetKind; id: string };
}

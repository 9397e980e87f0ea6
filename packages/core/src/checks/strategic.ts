// Checks of the strategic part of a plan: objectives measurable and aligned, served by
// initiatives, a handful per owner, refinement questions answered.
import { formatMetricValue, metricByKey } from "../metrics";
import { alignmentCycles } from "./alignment";
import {
  PLAN_CHECK_SEVERITY,
  type FindingTargetKind,
  type ObjectiveToCheck,
  type PlanCheckCode,
  type PlanCheckInput,
  type PlanFinding,
} from "./types";

export function finding(
  code: PlanCheckCode,
  kind: FindingTargetKind,
  id: string,
  message: string,
): PlanFinding {
  return { code, severity: PLAN_CHECK_SEVERITY[code], message, target: { kind, id } };
}

export function quote(title: string): string {
  return `“${title}”`;
}

/** Objectives the checks look at: a dropped one is no longer part of the plan. */
export function liveObjectives(input: PlanCheckInput): ObjectiveToCheck[] {
  return input.objectives.filter((o) => o.status !== "dropped");
}

export function cycleFindings(objectives: readonly ObjectiveToCheck[]): {
  findings: PlanFinding[];
  onCycle: Set<string>;
} {
  const titleOf = new Map(objectives.map((o) => [o.id, o.title]));
  const cycles = alignmentCycles(objectives);
  const findings = cycles.map((loop) => {
    const names = loop.map((id) => quote(titleOf.get(id) ?? id));
    const first = names[0] ?? "";
    return finding(
      "alignment_cycle",
      "objective",
      loop[0] ?? "",
      `${first} is aligned under itself (${[...names, first].join(" → ")}); align one of them elsewhere.`,
    );
  });
  return { findings, onCycle: new Set(cycles.flat()) };
}

export function measurabilityFindings(o: ObjectiveToCheck): PlanFinding[] {
  const out: PlanFinding[] = [];
  const name = quote(o.title);
  const metric = o.metricKey === null ? undefined : metricByKey(o.metricKey);
  if (!metric) {
    out.push(
      finding(
        "objective_missing_metric",
        "objective",
        o.id,
        `${name} has no metric, so its progress cannot be measured.`,
      ),
    );
  }
  if (o.target === null) {
    out.push(
      finding(
        "objective_missing_target",
        "objective",
        o.id,
        `${name} has no target: say how much is enough.`,
      ),
    );
  }
  if (o.dueDate === null) {
    out.push(finding("objective_missing_due_date", "objective", o.id, `${name} has no due date.`));
  }
  if (o.ownerId === null) {
    out.push(
      finding("objective_missing_owner", "objective", o.id, `${name} has no owner: nobody answers for it.`),
    );
  }
  if (metric && o.target !== null && o.baseline !== null) {
    const backwards = metric.growth === "up" ? o.target < o.baseline : o.target > o.baseline;
    if (backwards) {
      const fmt = { currency: o.currency };
      const [target, baseline] = [o.target, o.baseline].map((v) => formatMetricValue(v, metric.unit, fmt));
      const better = metric.growth === "up" ? "higher" : "lower";
      out.push(
        finding(
          "target_against_growth",
          "objective",
          o.id,
          `${name} aims at ${target}, worse than its baseline of ${baseline}: for ${metric.label.toLowerCase()} ${better} is better.`,
        ),
      );
    }
  }
  return out;
}

export function dateFindings(
  input: PlanCheckInput,
  o: ObjectiveToCheck,
  dueDateOf: ReadonlyMap<string, string | null>,
  onCycle: ReadonlySet<string>,
): PlanFinding[] {
  if (o.dueDate === null) return [];
  const out: PlanFinding[] = [];
  const name = quote(o.title);
  const { horizonStart, horizonEnd } = input.plan;
  if (o.dueDate < horizonStart || o.dueDate > horizonEnd) {
    out.push(
      finding(
        "due_date_outside_horizon",
        "objective",
        o.id,
        `${name} is due ${o.dueDate}, outside the plan's horizon (${horizonStart} to ${horizonEnd}).`,
      ),
    );
  }
  // On a loop "the parent" is not a meaningful deadline; the cycle finding comes first.
  if (o.parentObjectiveId !== null && !onCycle.has(o.id)) {
    const parentDue = dueDateOf.has(o.parentObjectiveId)
      ? (dueDateOf.get(o.parentObjectiveId) ?? null)
      : (o.parentDueDate ?? null);
    if (parentDue !== null && o.dueDate > parentDue) {
      out.push(
        finding(
          "due_date_after_parent",
          "objective",
          o.id,
          `${name} is due ${o.dueDate}, after the objective it is aligned under (due ${parentDue}).`,
        ),
      );
    }
  }
  return out;
}

export function initiativeFindings(input: PlanCheckInput, live: readonly ObjectiveToCheck[]): PlanFinding[] {
  const out: PlanFinding[] = [];
  const liveIds = new Set(live.map((o) => o.id));
  const served = new Set<string>();
  for (const initiative of input.initiatives) {
    if (initiative.status === "cancelled") continue;
    const serves = initiative.objectiveIds.filter((id) => liveIds.has(id));
    for (const id of serves) served.add(id);
    if (serves.length === 0) {
      out.push(
        finding(
          "initiative_without_objective",
          "initiative",
          initiative.id,
          `${quote(initiative.title)} serves no objective of this plan: link it to one, or drop it.`,
        ),
      );
    }
  }
  for (const o of live) {
    if (o.status === "done" || served.has(o.id)) continue;
    out.push(
      finding(
        "objective_without_initiative",
        "objective",
        o.id,
        `No initiative serves ${quote(o.title)}: what will be done to reach it?`,
      ),
    );
  }
  return out;
}

export function focusFindings(live: readonly ObjectiveToCheck[], maxPerOwner: number): PlanFinding[] {
  const counts = new Map<string, { kind: "person" | "team"; id: string; count: number }>();
  for (const o of live) {
    if (o.ownerId === null || o.ownerType === null) continue;
    const key = `${o.ownerType}:${o.ownerId}`;
    const entry = counts.get(key) ?? { kind: o.ownerType, id: o.ownerId, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()]
    .filter((c) => c.count > maxPerOwner)
    .map((c) =>
      finding(
        "too_many_objectives_for_owner",
        c.kind,
        c.id,
        `One owner holds ${c.count} objectives in this plan; more than ${maxPerOwner} spreads attention thin.`,
      ),
    );
}

export function questionFindings(input: PlanCheckInput): PlanFinding[] {
  return input.questions
    .filter((q) => q.required && (q.answer === null || q.answer.trim() === ""))
    .map((q) =>
      finding(
        "required_question_unanswered",
        "question",
        q.key,
        `The question ${quote(q.text)} is still unanswered.`,
      ),
    );
}

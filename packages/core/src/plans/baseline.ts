// The baseline of a plan: what it said when it was activated, and what changed since — so a
// director can see which objectives or targets moved after the plan was agreed.
import type { BaselineChange } from "../contracts/plan-views";
import { metricByKey, type MetricRef } from "../metrics";

type Value = string | number | null;

export interface PlanSnapshot {
  plan: { id: string; title: string; statement: string; horizonStart: string; horizonEnd: string };
  objectives: (Record<(typeof OBJECTIVE_FIELDS)[number], Value> & { id: string; title: string })[];
  initiatives: (Record<(typeof INITIATIVE_FIELDS)[number], Value> & { id: string; title: string })[];
}

// The fields a comparison reports, in the order a reader scans them.
export const OBJECTIVE_FIELDS = [
  "title",
  "metric",
  "baseline",
  "target",
  "unit",
  "startDate",
  "dueDate",
  "owner",
  "weight",
  "perspective",
  "status",
  "parentObjectiveId",
] as const;
export const INITIATIVE_FIELDS = [
  "title",
  "owner",
  "startDate",
  "endDate",
  "budgetMinor",
  "status",
  "objectives",
] as const;
const PLAN_FIELDS = ["title", "statement", "horizonStart", "horizonEnd"] as const;

function changedFields<K extends string>(
  fields: readonly K[],
  before: Readonly<Record<K, Value>>,
  after: Readonly<Record<K, Value>>,
) {
  return fields
    .filter((f) => before[f] !== after[f])
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

function compareRows<K extends string>(
  kind: "objective" | "initiative",
  fields: readonly K[],
  before: readonly (Record<K, Value> & { id: string; title: string })[],
  after: readonly (Record<K, Value> & { id: string; title: string })[],
): BaselineChange[] {
  const out: BaselineChange[] = [];
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Set(after.map((r) => r.id));
  for (const row of after) {
    const was = old.get(row.id);
    if (!was) {
      out.push({ kind, id: row.id, title: row.title, change: "added", fields: [] });
      continue;
    }
    const fieldsChanged = changedFields(fields, was, row);
    if (fieldsChanged.length > 0)
      out.push({ kind, id: row.id, title: row.title, change: "changed", fields: fieldsChanged });
  }
  for (const row of before) {
    if (!now.has(row.id)) out.push({ kind, id: row.id, title: row.title, change: "removed", fields: [] });
  }
  return out;
}

/** Every difference between the baseline and the plan now: the plan, then objectives, then initiatives. */
export function compareWithBaseline(baseline: PlanSnapshot, current: PlanSnapshot): BaselineChange[] {
  const planFields = changedFields(PLAN_FIELDS, baseline.plan, current.plan);
  return [
    ...(planFields.length > 0
      ? [
          {
            kind: "plan" as const,
            id: current.plan.id,
            title: current.plan.title,
            change: "changed" as const,
            fields: planFields,
          },
        ]
      : []),
    ...compareRows("objective", OBJECTIVE_FIELDS, baseline.objectives, current.objectives),
    ...compareRows("initiative", INITIATIVE_FIELDS, baseline.initiatives, current.initiatives),
  ];
}

interface SnapshotObjective {
  id: string;
  title: string;
  metric: MetricRef | null;
  baseline: number | null;
  target: number | null;
  unit: string;
  startDate: string;
  dueDate: string | null;
  ownerType: string | null;
  ownerId: string | null;
  weight: number;
  perspective: string;
  status: string;
  parentObjectiveId: string | null;
}

interface SnapshotInitiative {
  id: string;
  title: string;
  ownerType: string | null;
  ownerId: string | null;
  startDate: string | null;
  endDate: string | null;
  budgetMinor: number;
  status: string;
  objectiveIds: readonly string[];
}

/** A metric in words for a comparison: "Revenue won (tier: Major)". */
export function describeMetric(ref: MetricRef | null): string | null {
  if (ref === null) return null;
  const label = metricByKey(ref.key).label;
  const narrowed = Object.entries(ref.filters ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${String(v)}`);
  const unit = ref.unit ? ` — ${ref.unit}` : "";
  return narrowed.length > 0 ? `${label} (${narrowed.join(", ")})${unit}` : `${label}${unit}`;
}

const ownerOf = (type: string | null, id: string | null) => (type && id ? `${type}:${id}` : null);

export function planSnapshot(
  plan: PlanSnapshot["plan"],
  objectives: readonly SnapshotObjective[],
  initiatives: readonly SnapshotInitiative[],
): PlanSnapshot {
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      statement: plan.statement,
      horizonStart: plan.horizonStart,
      horizonEnd: plan.horizonEnd,
    },
    objectives: objectives.map((o) => ({
      id: o.id,
      title: o.title,
      metric: describeMetric(o.metric),
      baseline: o.baseline,
      target: o.target,
      unit: o.unit,
      startDate: o.startDate,
      dueDate: o.dueDate,
      owner: ownerOf(o.ownerType, o.ownerId),
      weight: o.weight,
      perspective: o.perspective,
      status: o.status,
      parentObjectiveId: o.parentObjectiveId,
    })),
    initiatives: initiatives.map((i) => ({
      id: i.id,
      title: i.title,
      owner: ownerOf(i.ownerType, i.ownerId),
      startDate: i.startDate,
      endDate: i.endDate,
      budgetMinor: i.budgetMinor,
      status: i.status,
      objectives: [...i.objectiveIds].sort().join(","),
    })),
  };
}

// The demo's tactical building blocks: a current-quarter tactical plan under a strategic plan, a
// split computed by the core exactly as the API would and stored as milestones, an action with its
// allocations and dependencies, and the quarter-so-far marked done.
import {
  fiscalQuarterOf,
  occurrencesOf,
  type ActionRecurrence,
  type FunnelPlanAssumptions,
  type SplitSettings,
} from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import "../plans/plans.schema";
import {
  loadActions,
  newActionRow,
  replaceAllocations,
  replaceDependencies,
  type ActionContent,
} from "../tactics/actions.repo";
import { buildGrid } from "../tactics/grid-build";
import type { OrgSettings } from "../tactics/org-settings";
import { gridPeriods } from "../tactics/split-grid";
import { gridRows } from "../tactics/split-rows";
import { storeSplit } from "../tactics/splits.store";
import type { MilestonesTable, TacticalPlansTable } from "../tactics/tactics.schema";

export interface Seed {
  q: Q;
  orgId: string;
  settings: OrgSettings;
  now: string;
  people: Map<string, string>;
}

export const must = <T>(v: T | undefined, what: string): T => {
  if (v === undefined) throw new Error(`demo: missing ${what}`);
  return v;
};

export async function tacticalPlan(
  s: Seed,
  plan: { id: string; title: string; owner_type: "person" | "team"; owner_id: string },
  funnel: FunnelPlanAssumptions,
  createdBy: string,
) {
  const quarter = fiscalQuarterOf(s.settings.calendar, s.settings.today);
  const row: TacticalPlansTable = {
    id: newId(),
    org_id: s.orgId,
    strategic_plan_id: plan.id,
    title: `${plan.title.split(":")[0]} · ${quarter.label}`,
    owner_type: plan.owner_type,
    owner_id: plan.owner_id,
    period_kind: "quarter",
    period_start: quarter.start,
    period_end: quarter.end,
    status: "active",
    funnel: JSON.stringify(funnel),
    copied_from_id: null,
    created_by: createdBy,
    version: 1,
    created_at: s.now,
    updated_at: s.now,
  };
  await s.q.insertInto("tactical_plans").values(row).execute();
  const objectives = await s.q
    .selectFrom("objectives")
    .select(["id", "metric_key", "target", "start_date", "due_date"])
    .where("plan_id", "=", plan.id)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  await s.q
    .insertInto("tactical_plan_objectives")
    .values(
      objectives.map((o) => ({ id: newId(), org_id: s.orgId, tactical_plan_id: row.id, objective_id: o.id })),
    )
    .execute();
  const revenue = must(
    objectives.find((o) => o.metric_key === "revenue_won"),
    `revenue objective of ${plan.title}`,
  );
  const winRate = objectives.find((o) => o.metric_key === "win_rate")?.id ?? null;
  return { row, revenue, winRate };
}

/** A split computed by the core exactly as the API would, stored as milestones. */
export async function split(
  s: Seed,
  plan: TacticalPlansTable,
  objectiveId: string,
  total: number,
  parent: MilestonesTable | null,
  settings: SplitSettings & { start: string; end: string },
) {
  const periods = gridPeriods(s.settings.calendar, settings.start, settings.end, settings.grain);
  const rows = await gridRows(s.q, s.orgId, settings.rowKind, settings.rows, settings);
  const grid = buildGrid(
    { total, target: total, metricKind: "additive", settings, periods, rows, periodMethod: { kind: "even" } },
    undefined,
  );
  const { split: row } = await storeSplit(s.q, {
    plan,
    objectiveId,
    parent,
    settings,
    grid,
    handEdited: false,
  });
  return s.q
    .selectFrom("milestones")
    .selectAll()
    .where("split_id", "=", row.id)
    .orderBy("period_start")
    .execute();
}

export const settingsOf = (
  over: Partial<SplitSettings> &
    Pick<SplitSettings, "rows" | "rowKind" | "grain"> & { start: string; end: string },
) => ({
  ownerMethod: { kind: "equal" as const },
  periodMethod: { kind: "even" as const },
  rampCurves: {},
  rampMode: "redistribute" as const,
  headroomPct: 0,
  ...over,
});

export async function action(
  s: Seed,
  plan: TacticalPlansTable,
  a: Partial<ActionContent> & Pick<ActionContent, "title">,
  hours?: { personId: string; hoursPerWeek: number; budgetMinor?: number }[],
  dependsOn: string[] = [],
) {
  const content: ActionContent = {
    description: "",
    ownerId: null,
    startDate: plan.period_start,
    dueDate: plan.period_end,
    status: "todo",
    priority: "medium",
    objectiveId: null,
    initiativeId: null,
    milestoneId: null,
    accountId: null,
    dealId: null,
    recurrence: null,
    timeOfDay: null,
    durationMinutes: null,
    ...a,
  };
  const row = newActionRow(s.orgId, plan.id, content, s.now, content.ownerId);
  await s.q.insertInto("actions").values(row).execute();
  if (hours)
    await replaceAllocations(
      s.q,
      s.orgId,
      row.id,
      hours.map((h) => ({ note: "", budgetMinor: 0, ...h })),
    );
  if (dependsOn.length > 0) await replaceDependencies(s.q, s.orgId, row.id, dependsOn);
  return row.id;
}

export const weekly = (plan: TacticalPlansTable, weekday: number) => ({
  frequency: "weekly" as const,
  interval: 1,
  weekdays: [weekday],
  until: plan.period_end,
  count: null,
});

export async function markPastWorkDone(s: Seed): Promise<void> {
  const yesterday = addDaysSafe(s.settings.today, -1, s.settings.today);
  const records = await loadActions(s.q, s.orgId, {});
  for (const r of records) {
    if (r.row.recurrence && r.row.start_date) {
      const dates = occurrencesOf(JSON.parse(r.row.recurrence) as ActionRecurrence, r.row.start_date, {
        from: r.row.start_date,
        to: yesterday,
      });
      const keep = r.row.title.startsWith("Ask for feedback") ? dates.slice(0, -1) : dates;
      if (keep.length > 0)
        await s.q
          .insertInto("action_occurrences")
          .values(
            keep.map((date) => ({
              id: newId(),
              org_id: s.orgId,
              action_id: r.row.id,
              occurs_on: date,
              status: "done" as const,
              updated_by: r.row.owner_id,
              version: 1,
              created_at: s.now,
              updated_at: s.now,
            })),
          )
          .execute();
    } else if (r.row.due_date && r.row.due_date < s.settings.today) {
      await s.q.updateTable("actions").set({ status: "done" }).where("id", "=", r.row.id).execute();
    }
  }
}

export function addDaysSafe(date: string, days: number, cap: string): string {
  const d = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return d < cap ? d : cap;
}

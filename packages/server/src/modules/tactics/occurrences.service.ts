// The dates an action happens on: once (its due date, else its start) or every occurrence of its
// recurrence, each with its own status — a rep ticks off this week's client meeting, not the series.
import { occurrencesOf, type ActionRecurrence, type Occurrence } from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import type { SignedInCtx } from "../../http/context";
import { invalid, notFound } from "../../http/errors";
import { recordAudit } from "../audit/audit.record";
import { chunked, group, loadActions, type ActionRecord } from "./actions.repo";
import { getAction } from "./actions.service";
import { orgSettings } from "./org-settings";
import { readTactical, writeTactical } from "./tactical-access";

type OccurrenceStatus = Occurrence["status"];

/** Per-date status overrides of recurring actions, keyed action id → date → status. */
export async function occurrenceStatuses(
  q: Q,
  actionIds: readonly string[],
): Promise<Map<string, Map<string, OccurrenceStatus>>> {
  const rows = await chunked(actionIds, (part) =>
    q
      .selectFrom("action_occurrences")
      .select(["action_id", "occurs_on", "status"])
      .where("action_id", "in", part)
      .execute(),
  );
  return new Map(
    [...group(rows, (r) => r.action_id)].map(([id, list]) => [
      id,
      new Map(list.map((r) => [r.occurs_on, r.status])),
    ]),
  );
}

export function recurrenceOf(r: ActionRecord): ActionRecurrence | null {
  return r.row.recurrence ? (JSON.parse(r.row.recurrence) as ActionRecurrence) : null;
}

/** The action's occurrences in [from, to]; `today` decides what is overdue. */
export function occurrencesIn(
  r: ActionRecord,
  window: { from: string; to: string },
  statuses: ReadonlyMap<string, OccurrenceStatus> | undefined,
  today: string,
): Occurrence[] {
  const row = r.row;
  const recurrence = recurrenceOf(r);
  const base = (date: string, status: OccurrenceStatus): Occurrence => ({
    actionId: row.id,
    tacticalPlanId: row.tactical_plan_id,
    title: row.title,
    date,
    timeOfDay: row.time_of_day,
    durationMinutes: row.duration_minutes,
    status,
    recurring: recurrence !== null,
    priority: row.priority,
    ownerId: row.owner_id,
    accountId: row.account_id,
    overdue: status === "todo" && date < today,
  });
  const seriesStatus: OccurrenceStatus | null =
    row.status === "done" ? "done" : row.status === "cancelled" ? "skipped" : null;
  if (recurrence && row.start_date) {
    return occurrencesOf(recurrence, row.start_date, window).map((d) =>
      base(d, seriesStatus ?? statuses?.get(d) ?? "todo"),
    );
  }
  const date = row.due_date ?? row.start_date;
  if (!date || date < window.from || date > window.to) return [];
  return [base(date, seriesStatus ?? "todo")];
}

export async function listOccurrences(
  ctx: SignedInCtx,
  actionId: string,
  window: { from: string; to: string },
): Promise<Occurrence[]> {
  const q = ctx.db.k;
  const [record] = await loadActions(q, ctx.actor.orgId, { ids: [actionId] });
  if (!record) throw notFound("Action");
  await readTactical(q, ctx, record.row.tactical_plan_id);
  const { today } = await orgSettings(q, ctx.actor.orgId);
  const statuses = await occurrenceStatuses(q, [actionId]);
  return occurrencesIn(record, window, statuses.get(actionId), today);
}

/** Marks one occurrence of a recurring action done or skipped (or back to to-do). */
export async function setOccurrence(
  ctx: SignedInCtx,
  actionId: string,
  date: string,
  status: OccurrenceStatus,
): Promise<Occurrence> {
  const action = await getAction(ctx, actionId);
  return ctx.db.k.transaction().execute(async (tx) => {
    const orgId = ctx.actor.orgId;
    if (!action.canUpdateStatus) await writeTactical(tx, ctx, action.tacticalPlanId);
    const [record] = await loadActions(tx, orgId, { ids: [actionId] });
    if (!record) throw notFound("Action");
    if (!recurrenceOf(record))
      throw invalid("date", "a one-off action changes its status on the action itself");
    const { today } = await orgSettings(tx, orgId);
    const [occurrence] = occurrencesIn(record, { from: date, to: date }, new Map([[date, status]]), today);
    if (!occurrence) throw invalid("date", "is not a date this action recurs on");
    const now = new Date().toISOString();
    const existing = await tx
      .selectFrom("action_occurrences")
      .selectAll()
      .where("action_id", "=", actionId)
      .where("occurs_on", "=", date)
      .executeTakeFirst();
    if (existing)
      await tx
        .updateTable("action_occurrences")
        .set({ status, updated_by: ctx.actor.personId, version: existing.version + 1, updated_at: now })
        .where("id", "=", existing.id)
        .execute();
    else
      await tx
        .insertInto("action_occurrences")
        .values({
          id: newId(),
          org_id: orgId,
          action_id: actionId,
          occurs_on: date,
          status,
          updated_by: ctx.actor.personId,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    await recordAudit(tx, ctx, orgId, {
      entity: "action",
      entityId: actionId,
      action: `occurrence:${status}`,
      before: { date, status: existing?.status ?? "todo" },
      after: { date, status },
    });
    return occurrence;
  });
}

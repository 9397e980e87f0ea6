// Tactical plans: a strategic plan examined for a quarter, a month or a custom range. List what the
// actor may see, create one (blank, from the last one, or with the persona template's actions),
// read, edit and move it through draft → active → closed.
import {
  canTransitionTacticalPlan,
  fiscalQuarterOf,
  periodsBetween,
  type TacticalPlan,
  type TacticalPlanCreate,
  type TacticalPlanQuery,
  type TacticalPlanUpdate,
} from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import { updateVersioned } from "../../db/versioned";
import type { SignedInCtx } from "../../http/context";
import { invalid } from "../../http/errors";
import { pageOf, readOffsetCursor } from "../../http/pagination";
import { loadScope } from "../../policies/scope";
import { recordAudit } from "../audit/audit.record";
import { readPlan, writePlan } from "../plans/plan-access";
import { assertOwner } from "../plans/plan-owners";
import { visiblePlans } from "../plans/plan-visibility";
import "../plans/plans.schema";
import { orgSettings, type OrgSettings } from "./org-settings";
import { copyActions, insertTemplateActions } from "./plan-content";
import { isTacticalOpen, readTactical, writeTactical } from "./tactical-access";
import { presentTacticalPlan, servedObjectives } from "./tactical-plans.present";
import type { TacticalPlansTable } from "./tactics.schema";

export async function listTacticalPlans(ctx: SignedInCtx, query: TacticalPlanQuery) {
  const scope = await loadScope(ctx.db.k, ctx.actor);
  const offset = readOffsetCursor(query.cursor);
  const visible = visiblePlans(ctx.db.k, ctx, scope).clearSelect().select("p.id");
  let q = ctx.db.k
    .selectFrom("tactical_plans as t")
    .innerJoin("strategic_plans as sp", "sp.id", "t.strategic_plan_id")
    .selectAll("t")
    .select(["sp.title as sp_title", "sp.status as sp_status", "sp.owner_type as sp_owner_type"])
    .where("t.org_id", "=", ctx.actor.orgId)
    .where("t.strategic_plan_id", "in", visible);
  if (query.strategicPlanId) q = q.where("t.strategic_plan_id", "=", query.strategicPlanId);
  if (query.ownerId) q = q.where("t.owner_id", "=", query.ownerId);
  if (query.date) q = q.where("t.period_start", "<=", query.date).where("t.period_end", ">=", query.date);
  q = query.status ? q.where("t.status", "=", query.status) : q.where("t.status", "!=", "archived");
  const rows = await q
    .orderBy("t.period_start", "desc")
    .orderBy("t.title")
    .orderBy("t.id")
    .limit(query.limit + 1)
    .offset(offset)
    .execute();
  const served = await servedObjectives(
    ctx.db.k,
    rows.map((r) => r.id),
  );
  // canEdit per row needs the strategic plan's write rule; read it once per distinct plan.
  const editable = new Map<string, boolean>();
  for (const id of new Set(rows.map((r) => r.strategic_plan_id))) {
    editable.set(id, (await readPlan(ctx.db.k, ctx, id, scope)).canEdit);
  }
  const items = rows.map(({ sp_title, sp_status: _s, sp_owner_type: _o, ...row }) =>
    presentTacticalPlan(row, {
      objectiveIds: served.get(row.id) ?? [],
      strategicPlanTitle: sp_title,
      canEdit: (editable.get(row.strategic_plan_id) ?? false) && isTacticalOpen(row),
    }),
  );
  return pageOf(items, query.limit, offset);
}

export async function getTacticalPlan(ctx: SignedInCtx, id: string, q: Q = ctx.db.k): Promise<TacticalPlan> {
  const access = await readTactical(q, ctx, id);
  const served = await servedObjectives(q, [id]);
  return presentTacticalPlan(access.row, {
    objectiveIds: served.get(id) ?? [],
    strategicPlanTitle: access.plan.row.title,
    canEdit: access.canEdit,
  });
}

function periodOf(
  settings: OrgSettings,
  input: TacticalPlanCreate,
): { start: string; end: string; label: string } {
  const day = input.periodStart ?? settings.today;
  if (input.periodKind === "quarter") {
    const q = fiscalQuarterOf(settings.calendar, day);
    return { start: q.start, end: q.end, label: q.label };
  }
  if (input.periodKind === "month") {
    const start = `${day.slice(0, 7)}-01`;
    // Day 0 of the next month is this month's last day.
    const end = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0))
      .toISOString()
      .slice(0, 10);
    const [month] = periodsBetween(settings.calendar, start, end, "month");
    return { start, end, label: month?.label ?? start.slice(0, 7) };
  }
  const start = input.periodStart ?? settings.today;
  const end = input.periodEnd ?? start;
  return { start, end, label: `${start} to ${end}` };
}

async function assertObjectivesOfPlan(q: Q, orgId: string, planId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  const rows = await q
    .selectFrom("objectives")
    .select("id")
    .where("org_id", "=", orgId)
    .where("plan_id", "=", planId)
    .where("id", "in", ids)
    .execute();
  const found = new Set(rows.map((r) => r.id));
  ids.forEach((id, i) => {
    if (!found.has(id)) throw invalid(`objectiveIds[${i}]`, "must be an objective of the strategic plan");
  });
}

async function setServed(q: Q, orgId: string, tacticalPlanId: string, ids: readonly string[]) {
  await q.deleteFrom("tactical_plan_objectives").where("tactical_plan_id", "=", tacticalPlanId).execute();
  if (ids.length === 0) return;
  await q
    .insertInto("tactical_plan_objectives")
    .values(
      ids.map((objective_id) => ({
        id: newId(),
        org_id: orgId,
        tactical_plan_id: tacticalPlanId,
        objective_id,
      })),
    )
    .execute();
}

export async function createTacticalPlan(ctx: SignedInCtx, input: TacticalPlanCreate): Promise<TacticalPlan> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const orgId = ctx.actor.orgId;
    const { row: plan } = await writePlan(tx, ctx, input.strategicPlanId);
    const settings = await orgSettings(tx, orgId);
    const period = periodOf(settings, input);
    const ownerType = input.ownerType ?? plan.owner_type;
    const ownerId = input.ownerId ?? plan.owner_id;
    await assertOwner(tx, orgId, ownerType, ownerId);
    const source = input.copyFromId ? (await readTactical(tx, ctx, input.copyFromId)).row : null;
    if (source && source.strategic_plan_id !== plan.id)
      throw invalid("copyFromId", "must be a tactical plan of the same strategic plan");
    let objectiveIds = input.objectiveIds;
    if (objectiveIds === undefined) {
      const fromSource = source ? (await servedObjectives(tx, [source.id])).get(source.id) : undefined;
      objectiveIds =
        fromSource ??
        (
          await tx
            .selectFrom("objectives")
            .select("id")
            .where("org_id", "=", orgId)
            .where("plan_id", "=", plan.id)
            .where("status", "!=", "dropped")
            .orderBy("created_at")
            .orderBy("id")
            .execute()
        ).map((o) => o.id);
    }
    await assertObjectivesOfPlan(tx, orgId, plan.id, objectiveIds);
    const now = new Date().toISOString();
    const row: TacticalPlansTable = {
      id: newId(),
      org_id: orgId,
      strategic_plan_id: plan.id,
      title: input.title ?? `${plan.title} · ${period.label}`,
      owner_type: ownerType,
      owner_id: ownerId,
      period_kind: input.periodKind,
      period_start: period.start,
      period_end: period.end,
      status: "draft",
      funnel: source?.funnel ?? null,
      copied_from_id: source?.id ?? null,
      created_by: ctx.actor.personId,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto("tactical_plans").values(row).execute();
    await setServed(tx, orgId, row.id, objectiveIds);
    const copied = source ? await copyActions(tx, source, row, ctx.actor.personId) : 0;
    const templated =
      input.withTemplateActions && plan.template_key
        ? (await insertTemplateActions(tx, row, plan.template_key, null, ctx.actor.personId)).length
        : 0;
    const created = await getTacticalPlan(ctx, row.id, tx);
    await recordAudit(tx, ctx, orgId, {
      entity: "tactical_plan",
      entityId: row.id,
      action: "create",
      after: { ...created, actionsCopied: copied, templateActions: templated },
    });
    return created;
  });
}

export async function updateTacticalPlan(
  ctx: SignedInCtx,
  id: string,
  patch: TacticalPlanUpdate,
): Promise<TacticalPlan> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const orgId = ctx.actor.orgId;
    const onlyStatus = Object.keys(patch).every((k) => k === "status" || k === "version");
    const { row } = await writeTactical(tx, ctx, id, { content: !onlyStatus });
    const before = await getTacticalPlan(ctx, id, tx);
    if (patch.status && !canTransitionTacticalPlan(row.status, patch.status))
      throw invalid("status", `a ${row.status} tactical plan cannot become ${patch.status}`);
    const start = patch.periodStart ?? row.period_start;
    const end = patch.periodEnd ?? row.period_end;
    if (end < start) throw invalid("periodEnd", "must not be before periodStart");
    if (patch.ownerType !== undefined || patch.ownerId !== undefined) {
      if (patch.ownerType === undefined || patch.ownerId === undefined)
        throw invalid("ownerId", "ownerId and ownerType are set together");
      await assertOwner(tx, orgId, patch.ownerType, patch.ownerId);
    }
    if (patch.objectiveIds) {
      await assertObjectivesOfPlan(tx, orgId, row.strategic_plan_id, patch.objectiveIds);
      await setServed(tx, orgId, id, patch.objectiveIds);
    }
    const set: Partial<TacticalPlansTable> = {
      title: patch.title ?? row.title,
      owner_type: patch.ownerType ?? row.owner_type,
      owner_id: patch.ownerId ?? row.owner_id,
      status: patch.status ?? row.status,
      period_start: start,
      period_end: end,
      period_kind: patch.periodStart || patch.periodEnd ? "custom" : row.period_kind,
    };
    await updateVersioned(tx, "tactical_plans", { id, orgId, version: patch.version }, set, "Tactical plan");
    const after = await getTacticalPlan(ctx, id, tx);
    await recordAudit(tx, ctx, orgId, {
      entity: "tactical_plan",
      entityId: id,
      action: patch.status && patch.status !== row.status ? `status:${patch.status}` : "update",
      before,
      after,
    });
    return after;
  });
}

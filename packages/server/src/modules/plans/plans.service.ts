// Strategic plans: list what the actor may see, create (blank or from a template), edit, and move
// through draft → active → closed → archived; activating records the baseline.
import {
  addMonths,
  assertPlanTransition,
  fiscalYearOf,
  type OrgCalendar,
  type PlanCreate,
  type PlanQuery,
  type PlanUpdate,
  type StrategicPlan,
} from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import { updateVersioned } from "../../db/versioned";
import type { SignedInCtx } from "../../http/context";
import { forbidden, invalid } from "../../http/errors";
import { pageOf, readOffsetCursor } from "../../http/pagination";
import { todayInZone } from "../../lib/dates";
import { mayWritePlan } from "../../policies/plans.policy";
import { loadScope } from "../../policies/scope";
import { recordAudit } from "../audit/audit.record";
import { currentSnapshot } from "./baseline.service";
import { isOpen, loadPlanRow, ownerTeamOf, planFacts, readPlan, writePlan } from "./plan-access";
import { assertOwner, headcountOf } from "./plan-owners";
import { ownerTeamOfRow, visiblePlans } from "./plan-visibility";
import { presentPlan } from "./plans.present";
import { insertDraft } from "./plans.repo";
import type { StrategicPlansTable } from "./plans.schema";
import { resolveTemplate } from "./templates.service";

export async function listPlans(ctx: SignedInCtx, query: PlanQuery) {
  const scope = await loadScope(ctx.db.k, ctx.actor);
  const offset = readOffsetCursor(query.cursor);
  let q = visiblePlans(ctx.db.k, ctx, scope);
  if (query.ownerType) q = q.where("p.owner_type", "=", query.ownerType);
  if (query.ownerId) q = q.where("p.owner_id", "=", query.ownerId);
  q = query.status ? q.where("p.status", "=", query.status) : q.where("p.status", "!=", "archived");
  if (query.from) q = q.where("p.horizon_end", ">=", query.from);
  if (query.to) q = q.where("p.horizon_start", "<=", query.to);
  const rows = await q
    .orderBy("p.horizon_start", "desc")
    .orderBy("p.title")
    .orderBy("p.id")
    .limit(query.limit + 1)
    .offset(offset)
    .execute();
  const plans = rows.map(({ owner_person_team, ...row }) => {
    const facts = {
      ownerType: row.owner_type,
      ownerId: row.owner_id,
      ownerTeamId: ownerTeamOfRow({ ...row, owner_person_team }),
    };
    return presentPlan(row, mayWritePlan(scope, facts) && isOpen(row));
  });
  return pageOf(plans, query.limit, offset);
}

export async function getPlan(ctx: SignedInCtx, id: string): Promise<StrategicPlan> {
  const { row, canEdit } = await readPlan(ctx.db.k, ctx, id);
  return presentPlan(row, canEdit);
}

async function orgCalendar(q: Q, orgId: string) {
  const org = await q.selectFrom("orgs").selectAll().where("id", "=", orgId).executeTakeFirstOrThrow();
  const calendar: OrgCalendar = {
    fiscalYearStartMonth: org.fiscal_year_start_month,
    weekStartsOn: org.week_starts_on,
    workingDays: JSON.parse(org.working_days) as number[],
    holidays: JSON.parse(org.holidays) as string[],
  };
  return { calendar, currency: org.currency, today: todayInZone(org.time_zone) };
}

export async function createPlan(ctx: SignedInCtx, input: PlanCreate): Promise<StrategicPlan> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const orgId = ctx.actor.orgId;
    const scope = await loadScope(tx, ctx.actor);
    await assertOwner(tx, orgId, input.ownerType, input.ownerId);
    const facts = {
      ownerType: input.ownerType,
      ownerId: input.ownerId,
      ownerTeamId: await ownerTeamOf(tx, orgId, input.ownerType, input.ownerId),
    };
    if (!mayWritePlan(scope, facts))
      throw forbidden("You may plan only for yourself, or for the teams you manage and their people");
    if (input.templateInputs && input.templateKey === null)
      throw invalid("templateInputs", "are the numbers of a template: give a templateKey too");
    const template = input.templateKey
      ? await resolveTemplate(tx, orgId, input.templateKey, input.templateInputs)
      : null;
    const { calendar, currency, today } = await orgCalendar(tx, orgId);
    const start = input.horizonStart ?? fiscalYearOf(calendar, today).start;
    // A blank plan covers two fiscal years: the rest of the one it starts in and the next.
    const end =
      input.horizonEnd ?? template?.defaultEnd(start) ?? fiscalYearOf(calendar, addMonths(start, 12)).end;
    if (end < start) throw invalid("horizonEnd", "must not be before horizonStart");
    const draft = template?.build({
      horizonStart: start,
      horizonEnd: end,
      currency,
      ownerType: input.ownerType,
      ownerId: input.ownerId,
      headcount: await headcountOf(tx, orgId, input.ownerType, input.ownerId),
    });
    const now = new Date().toISOString();
    const row: StrategicPlansTable = {
      id: newId(),
      org_id: orgId,
      title: input.title,
      owner_type: input.ownerType,
      owner_id: input.ownerId,
      horizon_start: start,
      horizon_end: end,
      statement: input.statement || draft?.statement || "",
      status: "draft",
      template_key: input.templateKey,
      baseline: null,
      baseline_at: null,
      created_by: ctx.actor.personId,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto("strategic_plans").values(row).execute();
    if (draft) await insertDraft(tx, row, draft, currency, now);
    const plan = presentPlan(row, true);
    await recordAudit(tx, ctx, orgId, {
      entity: "plan",
      entityId: row.id,
      action: "create",
      after: {
        ...plan,
        objectives: draft?.objectives.length ?? 0,
        initiatives: draft?.initiatives.length ?? 0,
      },
    });
    return plan;
  });
}

const STATUS_ACTION: Record<string, string> = { active: "activate", closed: "close", archived: "archive" };

export async function updatePlan(ctx: SignedInCtx, id: string, patch: PlanUpdate): Promise<StrategicPlan> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const orgId = ctx.actor.orgId;
    const { row: before, scope } = await writePlan(tx, ctx, id, { content: false });
    const set: Partial<StrategicPlansTable> = {};
    const contentFields = (
      ["title", "ownerType", "ownerId", "horizonStart", "horizonEnd", "statement"] as const
    ).filter((f) => patch[f] !== undefined);
    if (contentFields.length > 0 && !isOpen(before))
      throw forbidden(`This plan is ${before.status}: only its status may change`);
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.statement !== undefined) set.statement = patch.statement;
    if (patch.ownerType !== undefined || patch.ownerId !== undefined) {
      const ownerType = patch.ownerType ?? before.owner_type;
      const ownerId = patch.ownerId ?? before.owner_id;
      await assertOwner(tx, orgId, ownerType, ownerId);
      const ownerTeamId = await ownerTeamOf(tx, orgId, ownerType, ownerId);
      if (!mayWritePlan(scope, { ownerType, ownerId, ownerTeamId }))
        throw forbidden("You may hand a plan only to yourself or to the teams you manage and their people");
      set.owner_type = ownerType;
      set.owner_id = ownerId;
    }
    const start = patch.horizonStart ?? before.horizon_start;
    const end = patch.horizonEnd ?? before.horizon_end;
    if (end < start) throw invalid("horizonEnd", "must not be before horizonStart");
    if (patch.horizonStart !== undefined) set.horizon_start = start;
    if (patch.horizonEnd !== undefined) set.horizon_end = end;
    if (patch.status !== undefined && patch.status !== before.status) {
      assertPlanTransition(before.status, patch.status);
      set.status = patch.status;
      if (patch.status === "active" && before.baseline === null) {
        set.baseline = JSON.stringify(await currentSnapshot(tx, { ...before, ...set }));
        set.baseline_at = new Date().toISOString();
      }
    }
    await updateVersioned(tx, "strategic_plans", { id, orgId, version: patch.version }, set, "Plan");
    const after = await loadPlanRow(tx, orgId, id);
    const canEdit = isOpen(after) && mayWritePlan(scope, await planFacts(tx, after));
    await recordAudit(tx, ctx, orgId, {
      entity: "plan",
      entityId: id,
      action: (set.status && STATUS_ACTION[set.status]) ?? "update",
      before: presentPlan(before, true),
      after: presentPlan(after, canEdit),
    });
    return presentPlan(after, canEdit);
  });
}

// Check-ins on objectives whose metric is kept by hand: the owner (or whoever may edit the plan)
// reports the value reached, a confidence and a note; every check-in is kept as history.
import type { Checkin, CheckinCreate } from "@oars/core";
import { newId } from "../../db/ids";
import type { SignedInCtx } from "../../http/context";
import { forbidden, invalid, notFound } from "../../http/errors";
import { recordAudit } from "../audit/audit.record";
import { loadObjectiveRow } from "../plans/objectives.service";
import { readPlan } from "../plans/plan-access";
import type { ProgressCheckinsTable } from "./progress.schema";

const present = (r: ProgressCheckinsTable): Checkin => ({
  id: r.id,
  objectiveId: r.objective_id,
  personId: r.person_id,
  date: r.checkin_date,
  value: Number(r.value),
  confidence: r.confidence === null ? null : Number(r.confidence),
  note: r.note,
  createdAt: r.created_at,
});

export async function listCheckins(ctx: SignedInCtx, objectiveId: string): Promise<Checkin[]> {
  const row = await loadObjectiveRow(ctx.db.k, ctx.actor.orgId, objectiveId);
  await readPlan(ctx.db.k, ctx, row.plan_id);
  const rows = await ctx.db.k
    .selectFrom("progress_checkins")
    .selectAll()
    .where("org_id", "=", ctx.actor.orgId)
    .where("objective_id", "=", objectiveId)
    .orderBy("checkin_date", "desc")
    .orderBy("created_at", "desc")
    .execute();
  return rows.map(present);
}

export async function createCheckin(
  ctx: SignedInCtx,
  objectiveId: string,
  input: CheckinCreate,
): Promise<Checkin> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const row = await loadObjectiveRow(tx, ctx.actor.orgId, objectiveId);
    const access = await readPlan(tx, ctx, row.plan_id);
    const isOwner = row.owner_type === "person" && row.owner_id === ctx.actor.personId;
    if (ctx.actor.role === "viewer" || ctx.actor.tokenScope === "read" || !(isOwner || access.canEdit))
      throw forbidden("Only the objective's owner or a plan editor checks in");
    if (row.metric_key !== "manual")
      throw invalid("value", "only an objective with the manual metric takes check-ins");
    const now = new Date().toISOString();
    const r: ProgressCheckinsTable = {
      id: newId(),
      org_id: ctx.actor.orgId,
      objective_id: objectiveId,
      person_id: ctx.actor.personId,
      checkin_date: input.date ?? now.slice(0, 10),
      value: input.value,
      confidence: input.confidence ?? null,
      note: input.note ?? "",
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto("progress_checkins").values(r).execute();
    const out = present(r);
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "checkin",
      entityId: r.id,
      action: "create",
      after: out,
    });
    return out;
  });
}

export async function deleteCheckin(ctx: SignedInCtx, id: string): Promise<void> {
  await ctx.db.k.transaction().execute(async (tx) => {
    const r = await tx
      .selectFrom("progress_checkins")
      .selectAll()
      .where("org_id", "=", ctx.actor.orgId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!r) throw notFound("Check-in");
    const row = await loadObjectiveRow(tx, ctx.actor.orgId, r.objective_id);
    const access = await readPlan(tx, ctx, row.plan_id);
    const mine = r.person_id === ctx.actor.personId;
    if (ctx.actor.role === "viewer" || ctx.actor.tokenScope === "read" || !(mine || access.canEdit))
      throw forbidden("Only who checked in or a plan editor removes a check-in");
    await tx.deleteFrom("progress_checkins").where("id", "=", id).execute();
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "checkin",
      entityId: id,
      action: "delete",
      before: present(r),
    });
  });
}

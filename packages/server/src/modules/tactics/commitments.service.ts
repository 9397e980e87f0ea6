// Bottom-up planning: a person (or a team's manager) proposes their number for an objective, the
// plan's manager accepts or adjusts it, and the gap between the agreed sum and the target shows live.
import {
  commitmentGap,
  type Commitment,
  type CommitmentDecide,
  type CommitmentList,
  type CommitmentPropose,
} from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import { updateVersioned } from "../../db/versioned";
import type { SignedInCtx } from "../../http/context";
import { forbidden, invalid, notFound } from "../../http/errors";
import { recordAudit } from "../audit/audit.record";
import { loadObjectiveRow } from "../plans/objectives.service";
import { assertOwner } from "../plans/plan-owners";
import { ownerNames } from "./milestones.repo";
import { isTacticalOpen, orNull, readTactical, writeTactical } from "./tactical-access";
import type { CommitmentsTable, TacticalPlansTable } from "./tactics.schema";

function present(r: CommitmentsTable, ownerName: string): Commitment {
  return {
    id: r.id,
    tacticalPlanId: r.tactical_plan_id,
    objectiveId: r.objective_id,
    ownerType: r.owner_type,
    ownerId: r.owner_id,
    ownerName,
    amount: r.amount,
    status: r.status,
    note: r.note,
    proposedBy: r.proposed_by,
    decidedBy: r.decided_by,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

async function objectiveOfPlan(q: Q, ctx: SignedInCtx, plan: TacticalPlansTable, objectiveId: string) {
  const o = await orNull(loadObjectiveRow(q, ctx.actor.orgId, objectiveId));
  if (!o || o.plan_id !== plan.strategic_plan_id)
    throw invalid("objectiveId", "must be an objective of this tactical plan's strategic plan");
  return o;
}

export async function listCommitments(
  ctx: SignedInCtx,
  tacticalPlanId: string,
  objectiveId: string,
): Promise<CommitmentList> {
  const q = ctx.db.k;
  const { row: plan } = await readTactical(q, ctx, tacticalPlanId);
  const objective = await objectiveOfPlan(q, ctx, plan, objectiveId);
  const rows = await q
    .selectFrom("commitments")
    .selectAll()
    .where("tactical_plan_id", "=", tacticalPlanId)
    .where("objective_id", "=", objectiveId)
    .orderBy("created_at")
    .execute();
  const names = await ownerNames(
    q,
    ctx.actor.orgId,
    rows.map((r) => r.owner_id),
  );
  const gap = commitmentGap(
    Math.max(0, Math.round(objective.target ?? 0)),
    rows.map((r) => ({ ownerId: r.owner_id, amount: r.amount, status: r.status })),
  );
  return { items: rows.map((r) => present(r, names.get(r.owner_id) ?? "")), gap };
}

export async function proposeCommitment(
  ctx: SignedInCtx,
  tacticalPlanId: string,
  input: CommitmentPropose,
): Promise<Commitment> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const orgId = ctx.actor.orgId;
    const access = await readTactical(tx, ctx, tacticalPlanId);
    const own = input.ownerType === "person" && input.ownerId === ctx.actor.personId;
    // A rep commits their own number on any plan they read; for anyone else it is the planner's call.
    if (!own || !access.canEdit) {
      if (own) {
        if (ctx.actor.role === "viewer" || ctx.actor.tokenScope === "read") throw forbidden();
        if (!isTacticalOpen(access.row))
          throw forbidden(`This tactical plan is ${access.row.status}: it is kept as it was`);
      } else await writeTactical(tx, ctx, tacticalPlanId);
    }
    await objectiveOfPlan(tx, ctx, access.row, input.objectiveId);
    await assertOwner(tx, orgId, input.ownerType, input.ownerId);
    const existing = await tx
      .selectFrom("commitments")
      .selectAll()
      .where("tactical_plan_id", "=", tacticalPlanId)
      .where("objective_id", "=", input.objectiveId)
      .where("owner_type", "=", input.ownerType)
      .where("owner_id", "=", input.ownerId)
      .executeTakeFirst();
    const now = new Date().toISOString();
    if (existing) {
      await updateVersioned(
        tx,
        "commitments",
        { id: existing.id, orgId, version: existing.version },
        {
          amount: input.amount,
          note: input.note,
          status: "proposed",
          proposed_by: ctx.actor.personId,
          decided_by: null,
        },
        "Commitment",
      );
    } else {
      await tx
        .insertInto("commitments")
        .values({
          id: newId(),
          org_id: orgId,
          tactical_plan_id: tacticalPlanId,
          objective_id: input.objectiveId,
          owner_type: input.ownerType,
          owner_id: input.ownerId,
          amount: input.amount,
          status: "proposed",
          note: input.note,
          proposed_by: ctx.actor.personId,
          decided_by: null,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const row = await tx
      .selectFrom("commitments")
      .selectAll()
      .where("tactical_plan_id", "=", tacticalPlanId)
      .where("objective_id", "=", input.objectiveId)
      .where("owner_type", "=", input.ownerType)
      .where("owner_id", "=", input.ownerId)
      .executeTakeFirstOrThrow();
    const names = await ownerNames(tx, orgId, [row.owner_id]);
    const result = present(row, names.get(row.owner_id) ?? "");
    await recordAudit(tx, ctx, orgId, {
      entity: "commitment",
      entityId: row.id,
      action: "propose",
      before: existing ? present(existing, result.ownerName) : undefined,
      after: result,
    });
    return result;
  });
}

export async function decideCommitment(
  ctx: SignedInCtx,
  id: string,
  input: CommitmentDecide,
): Promise<Commitment> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const orgId = ctx.actor.orgId;
    const row = await tx
      .selectFrom("commitments")
      .selectAll()
      .where("org_id", "=", orgId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row || !(await orNull(readTactical(tx, ctx, row.tactical_plan_id)))) throw notFound("Commitment");
    await writeTactical(tx, ctx, row.tactical_plan_id);
    const amount = input.amount ?? row.amount;
    const status = input.status ?? (amount !== row.amount ? "adjusted" : "accepted");
    if (status === "accepted" && amount !== row.amount)
      throw invalid("status", "a changed amount is an adjustment: send status adjusted (or leave it out)");
    await updateVersioned(
      tx,
      "commitments",
      { id, orgId, version: input.version },
      {
        amount,
        status,
        note: input.note ?? row.note,
        decided_by: status === "proposed" ? null : ctx.actor.personId,
      },
      "Commitment",
    );
    const after = await tx
      .selectFrom("commitments")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const names = await ownerNames(tx, orgId, [row.owner_id]);
    const result = present(after, names.get(row.owner_id) ?? "");
    await recordAudit(tx, ctx, orgId, {
      entity: "commitment",
      entityId: id,
      action: status,
      before: present(row, result.ownerName),
      after: result,
    });
    return result;
  });
}

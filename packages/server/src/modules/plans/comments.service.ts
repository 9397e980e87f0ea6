// Comments on a plan, an objective or an initiative. An @mention notifies the person in the app,
// and only someone who can read the plan may be mentioned: a notification must not leak a plan.
import {
  type Comment,
  type CommentCreate,
  type CommentEntity,
  type CommentQuery,
  type CommentUpdate,
} from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import { updateVersioned } from "../../db/versioned";
import type { Actor, SignedInCtx } from "../../http/context";
import { forbidden, invalid, notFound } from "../../http/errors";
import { pageOf, readOffsetCursor } from "../../http/pagination";
import { mayChangeComment, mayComment, mayReadPlan } from "../../policies/plans.policy";
import { scopeFor } from "../../policies/scope";
import { recordAudit } from "../audit/audit.record";
import { notify } from "../notifications/notifications.service";
import { readPlan, type PlanAccess } from "./plan-access";
import type { CommentsTable } from "./plans.schema";

function present(r: CommentsTable): Comment {
  return {
    id: r.id,
    entity: r.entity,
    entityId: r.entity_id,
    authorId: r.author_id,
    body: r.body,
    mentions: JSON.parse(r.mentions) as string[],
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The plan a commented record belongs to, and the record's title for notifications. */
async function subjectOf(q: Q, orgId: string, entity: CommentEntity, id: string) {
  const table = entity === "plan" ? "strategic_plans" : entity === "objective" ? "objectives" : "initiatives";
  const row =
    table === "strategic_plans"
      ? await q
          .selectFrom("strategic_plans")
          .select(["id as plan_id", "title"])
          .where("org_id", "=", orgId)
          .where("id", "=", id)
          .executeTakeFirst()
      : await q
          .selectFrom(table)
          .select(["plan_id", "title"])
          .where("org_id", "=", orgId)
          .where("id", "=", id)
          .executeTakeFirst();
  if (!row) throw notFound(entity === "plan" ? "Plan" : entity === "objective" ? "Objective" : "Initiative");
  return { planId: row.plan_id, title: row.title };
}

export async function listComments(ctx: SignedInCtx, query: CommentQuery) {
  const subject = await subjectOf(ctx.db.k, ctx.actor.orgId, query.entity, query.entityId);
  await readPlan(ctx.db.k, ctx, subject.planId);
  const offset = readOffsetCursor(query.cursor);
  const rows = await ctx.db.k
    .selectFrom("comments")
    .selectAll()
    .where("org_id", "=", ctx.actor.orgId)
    .where("entity", "=", query.entity)
    .where("entity_id", "=", query.entityId)
    .where("deleted_at", "is", null)
    .orderBy("id")
    .limit(query.limit + 1)
    .offset(offset)
    .execute();
  return pageOf(rows.map(present), query.limit, offset);
}

/** Refuses a mention of someone outside the org, deactivated, or unable to read the plan. */
async function assertMentionable(q: Q, access: PlanAccess, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const people = await q
    .selectFrom("people")
    .selectAll()
    .where("org_id", "=", access.row.org_id)
    .where("id", "in", [...ids])
    .where("active", "=", 1)
    .execute();
  for (const id of ids) {
    const p = people.find((x) => x.id === id);
    if (!p) throw invalid("mentions", `${id} is not an active person of this organisation`);
    const actor: Actor = {
      personId: p.id,
      orgId: p.org_id,
      role: p.role,
      teamId: p.team_id,
      name: p.name,
      email: p.email,
      via: "token",
      sessionId: null,
      csrfToken: null,
      tokenScope: "read",
    };
    if (!mayReadPlan(scopeFor(actor, access.scope.teams), access.facts))
      throw invalid("mentions", `${p.name} cannot see this plan`);
  }
}

async function notifyMentions(
  q: Q,
  ctx: SignedInCtx,
  comment: CommentsTable,
  subjectTitle: string,
  personIds: readonly string[],
): Promise<void> {
  const tab = comment.entity === "plan" ? "overview" : `${comment.entity}s`;
  const link = `/plans/${comment.plan_id}?tab=${tab}&focus=${comment.entity_id}`;
  const excerpt = comment.body.length > 200 ? `${comment.body.slice(0, 199)}…` : comment.body;
  for (const personId of personIds) {
    if (personId === ctx.actor.personId) continue;
    await notify(q, {
      orgId: comment.org_id,
      personId,
      kind: "mention",
      title: `${ctx.actor.name} mentioned you on “${subjectTitle}”`,
      body: excerpt,
      entity: comment.entity,
      entityId: comment.entity_id,
      link,
      actorId: ctx.actor.personId,
    });
  }
}

export async function createComment(ctx: SignedInCtx, input: CommentCreate): Promise<Comment> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const orgId = ctx.actor.orgId;
    const subject = await subjectOf(tx, orgId, input.entity, input.entityId);
    const access = await readPlan(tx, ctx, subject.planId);
    if (!mayComment(access.scope, access.facts))
      throw forbidden("Your role reads plans but does not comment");
    await assertMentionable(tx, access, input.mentions);
    const now = new Date().toISOString();
    const row: CommentsTable = {
      id: newId(),
      org_id: orgId,
      plan_id: subject.planId,
      entity: input.entity,
      entity_id: input.entityId,
      author_id: ctx.actor.personId,
      body: input.body,
      mentions: JSON.stringify(input.mentions),
      deleted_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto("comments").values(row).execute();
    await notifyMentions(tx, ctx, row, subject.title, input.mentions);
    const comment = present(row);
    await recordAudit(tx, ctx, orgId, {
      entity: "comment",
      entityId: row.id,
      action: "create",
      after: comment,
    });
    return comment;
  });
}

async function loadComment(q: Q, orgId: string, id: string): Promise<CommentsTable> {
  const row = await q
    .selectFrom("comments")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!row) throw notFound("Comment");
  return row;
}

export async function updateComment(ctx: SignedInCtx, id: string, patch: CommentUpdate): Promise<Comment> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const orgId = ctx.actor.orgId;
    const before = await loadComment(tx, orgId, id);
    const access = await readPlan(tx, ctx, before.plan_id);
    if (!mayChangeComment(access.scope, before.author_id, "edit"))
      throw forbidden("Only its author edits a comment");
    const set: Partial<CommentsTable> = {};
    if (patch.body !== undefined) set.body = patch.body;
    const had = JSON.parse(before.mentions) as string[];
    const added = (patch.mentions ?? []).filter((m) => !had.includes(m));
    if (patch.mentions !== undefined) {
      await assertMentionable(tx, access, patch.mentions);
      set.mentions = JSON.stringify(patch.mentions);
    }
    await updateVersioned(tx, "comments", { id, orgId, version: patch.version }, set, "Comment");
    const after = await loadComment(tx, orgId, id);
    const subject = await subjectOf(tx, orgId, after.entity, after.entity_id);
    // Only people newly mentioned hear of it; the others were told when first mentioned.
    await notifyMentions(tx, ctx, after, subject.title, added);
    await recordAudit(tx, ctx, orgId, {
      entity: "comment",
      entityId: id,
      action: "update",
      before: present(before),
      after: present(after),
    });
    return present(after);
  });
}

export async function deleteComment(ctx: SignedInCtx, id: string): Promise<void> {
  await ctx.db.k.transaction().execute(async (tx) => {
    const orgId = ctx.actor.orgId;
    const row = await loadComment(tx, orgId, id);
    const access = await readPlan(tx, ctx, row.plan_id);
    if (!mayChangeComment(access.scope, row.author_id, "delete"))
      throw forbidden("Only its author or an admin removes a comment");
    await tx
      .updateTable("comments")
      .set({ deleted_at: new Date().toISOString() })
      .where("id", "=", id)
      .execute();
    await recordAudit(tx, ctx, orgId, {
      entity: "comment",
      entityId: id,
      action: "delete",
      before: present(row),
    });
  });
}

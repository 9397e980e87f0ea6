// In-app notifications: written by other modules in their own transaction (an @mention today),
// read and marked read by the person they are for.
import type { Notification, NotificationList, NotificationQuery } from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import type { SignedInCtx } from "../../http/context";
import { notFound } from "../../http/errors";
import "./notifications.schema";
import type { NotificationsTable } from "./notifications.schema";

export interface NewNotification {
  orgId: string;
  personId: string;
  kind: string;
  title: string;
  body: string;
  entity: string;
  entityId: string;
  link: string;
  actorId: string | null;
}

export async function notify(q: Q, n: NewNotification): Promise<void> {
  await q
    .insertInto("notifications")
    .values({
      id: newId(),
      org_id: n.orgId,
      person_id: n.personId,
      kind: n.kind,
      title: n.title,
      body: n.body,
      entity: n.entity,
      entity_id: n.entityId,
      link: n.link,
      actor_id: n.actorId,
      read_at: null,
      created_at: new Date().toISOString(),
    })
    .execute();
}

function present(r: NotificationsTable): Notification {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    entity: r.entity,
    entityId: r.entity_id,
    link: r.link,
    actorId: r.actor_id,
    readAt: r.read_at,
    createdAt: r.created_at,
  };
}

const mine = (q: Q, ctx: SignedInCtx) =>
  q
    .selectFrom("notifications")
    .where("org_id", "=", ctx.actor.orgId)
    .where("person_id", "=", ctx.actor.personId);

export async function listNotifications(
  ctx: SignedInCtx,
  query: NotificationQuery,
): Promise<NotificationList> {
  let q = mine(ctx.db.k, ctx).selectAll();
  if (query.unread) q = q.where("read_at", "is", null);
  const rows = await q.orderBy("id", "desc").limit(query.limit).execute();
  const unread = await mine(ctx.db.k, ctx)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("read_at", "is", null)
    .executeTakeFirst();
  return { items: rows.map(present), unread: Number(unread?.n ?? 0) };
}

/** Marking read is idempotent: a second call leaves the first time it was read. */
export async function markRead(ctx: SignedInCtx, id: string): Promise<Notification> {
  const row = await mine(ctx.db.k, ctx).selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Notification");
  if (row.read_at !== null) return present(row);
  const readAt = new Date().toISOString();
  await ctx.db.k.updateTable("notifications").set({ read_at: readAt }).where("id", "=", id).execute();
  return present({ ...row, read_at: readAt });
}

export async function markAllRead(ctx: SignedInCtx): Promise<number> {
  const res = await ctx.db.k
    .updateTable("notifications")
    .set({ read_at: new Date().toISOString() })
    .where("org_id", "=", ctx.actor.orgId)
    .where("person_id", "=", ctx.actor.personId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

// Reading the audit log. It is append-only: nothing in Oars updates or deletes an entry.
import type { AuditEntry, AuditQuery, Page } from "@oars/core";
import type { SignedInCtx } from "../../http/context";
import { invalid } from "../../http/errors";

export async function listAudit(ctx: SignedInCtx, query: AuditQuery): Promise<Page<AuditEntry>> {
  let q = ctx.db.k
    .selectFrom("audit_log as a")
    .leftJoin("people as p", "p.id", "a.actor_id")
    .select([
      "a.id",
      "a.actor_id",
      "p.name as actor_name",
      "a.entity",
      "a.entity_id",
      "a.action",
      "a.before",
      "a.after",
      "a.request_id",
      "a.at",
    ])
    .where("a.org_id", "=", ctx.actor.orgId);
  if (query.entity) q = q.where("a.entity", "=", query.entity);
  if (query.entityId) q = q.where("a.entity_id", "=", query.entityId);
  if (query.actorId) q = q.where("a.actor_id", "=", query.actorId);
  if (query.cursor) {
    if (!/^[0-9a-f-]{36}$/.test(query.cursor)) throw invalid("cursor", "is not a cursor this list gave out");
    q = q.where("a.id", "<", query.cursor);
  }
  // Ids are UUIDv7: ordering by id is ordering by time.
  const rows = await q
    .orderBy("a.id", "desc")
    .limit(query.limit + 1)
    .execute();
  const more = rows.length > query.limit;
  const items = rows.slice(0, query.limit).map((r) => ({
    id: r.id,
    actorId: r.actor_id,
    actorName: r.actor_name ?? null,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
    requestId: r.request_id,
    at: r.at,
  }));
  return { items, next: more ? (items[items.length - 1]?.id ?? null) : null };
}

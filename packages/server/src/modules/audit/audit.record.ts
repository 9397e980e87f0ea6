// Writes one audit entry in the caller's transaction, so a change and its record commit together.
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import type { Ctx } from "../../http/context";

export interface Change {
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(q: Q, ctx: Ctx, orgId: string, change: Change): Promise<void> {
  await q
    .insertInto("audit_log")
    .values({
      id: newId(),
      org_id: orgId,
      actor_id: ctx.actor?.personId ?? null,
      entity: change.entity,
      entity_id: change.entityId,
      action: change.action,
      before: change.before === undefined ? null : JSON.stringify(change.before),
      after: change.after === undefined ? null : JSON.stringify(change.after),
      request_id: ctx.requestId,
      at: new Date().toISOString(),
    })
    .execute();
}

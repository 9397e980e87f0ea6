// Writes one audit entry in the caller's transaction, so a change and its record commit together,
// and bumps the org's data version there too (cached progress recomputes on the next read).
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import type { Ctx } from "../../http/context";
import { bumpDataVersion } from "../progress/data-version";

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
  await bumpDataVersion(q, orgId);
}

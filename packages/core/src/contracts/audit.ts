// The append-only audit log: who changed what, when, before and after.
import { z } from "zod";
import { Id, Instant, PageQuery } from "./common";

export const AuditEntry = z.object({
  id: Id,
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  at: Instant,
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditQuery = PageQuery.extend({
  entity: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actorId: Id.optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

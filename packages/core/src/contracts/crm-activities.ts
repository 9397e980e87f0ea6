// Activities: calls, emails, meetings, demos, tasks and notes, planned or done.
import { z } from "zod";
import { Id, Instant, LongText, Name, Version } from "./common";
import {
  LinkedAccountName,
  ExternalId,
  OptionalText,
  OwnedFields,
  OwnedListQuery,
  SortDir,
} from "./crm-common";

export const ActivityType = z.enum(["call", "email", "meeting", "demo", "task", "note"]);
export type ActivityType = z.infer<typeof ActivityType>;
export const ActivityStatus = z.enum(["planned", "done", "cancelled"]);
export type ActivityStatus = z.infer<typeof ActivityStatus>;

/** An instant with its offset or Z, stored as UTC. */
export const ActivityInstant = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 date and time such as 2026-03-01T14:30:00Z" })
  .transform((v) => new Date(v).toISOString());

export const Activity = OwnedFields.extend({
  id: Id,
  type: ActivityType,
  subject: z.string(),
  notes: z.string().nullable(),
  accountId: Id.nullable(),
  accountName: LinkedAccountName,
  contactId: Id.nullable(),
  dealId: Id.nullable(),
  occurredAt: Instant.describe("When it happened, or is scheduled"),
  durationMinutes: z.number().int().nullable(),
  outcome: z.string().nullable(),
  status: ActivityStatus,
});
export type Activity = z.infer<typeof Activity>;

const Duration = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);
export const ActivityCreate = z.object({
  type: ActivityType,
  subject: Name,
  notes: LongText.nullable().default(null),
  ownerId: Id.optional().describe("Default: the caller"),
  accountId: Id.nullable().default(null).describe("Default: the contact's or deal's account"),
  contactId: Id.nullable().default(null),
  dealId: Id.nullable().default(null),
  occurredAt: ActivityInstant.optional().describe("Default: now"),
  durationMinutes: Duration.nullable().default(null),
  outcome: OptionalText.default(null),
  status: ActivityStatus.default("done"),
  externalId: ExternalId.nullable().default(null),
});
export type ActivityCreate = z.infer<typeof ActivityCreate>;
export const ActivityUpdate = z.object({
  version: Version,
  type: ActivityType.optional(),
  subject: Name.optional(),
  notes: LongText.nullable().optional(),
  ownerId: Id.optional(),
  accountId: Id.nullable().optional(),
  contactId: Id.nullable().optional(),
  dealId: Id.nullable().optional(),
  occurredAt: ActivityInstant.optional(),
  durationMinutes: Duration.nullable().optional(),
  outcome: OptionalText.optional(),
  status: ActivityStatus.optional(),
  externalId: ExternalId.nullable().optional(),
});
export type ActivityUpdate = z.infer<typeof ActivityUpdate>;
export const ActivityUpdateById = ActivityUpdate.extend({ id: Id });

export const ActivitySort = z.enum(["occurredAt", "createdAt", "updatedAt"]);
export const ActivityQuery = OwnedListQuery.extend({
  type: ActivityType.optional(),
  status: ActivityStatus.optional(),
  accountId: Id.optional(),
  contactId: Id.optional(),
  dealId: Id.optional(),
  from: Instant.optional().describe("occurredAt on or after"),
  to: Instant.optional().describe("occurredAt before"),
  sort: ActivitySort.default("occurredAt"),
  dir: SortDir.default("desc"),
});
export type ActivityQuery = z.infer<typeof ActivityQuery>;

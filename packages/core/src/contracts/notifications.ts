// Contracts of in-app notifications: what a person is told (an @mention today; goal alerts later).
import { z } from "zod";
import { Id, Instant } from "./common";

export const Notification = z.object({
  id: Id,
  kind: z.string().describe("What happened, e.g. mention"),
  title: z.string(),
  body: z.string(),
  entity: z.string().describe("The kind of record it is about, e.g. objective"),
  entityId: Id,
  link: z.string().describe("Path in the web app to open it"),
  actorId: Id.nullable(),
  readAt: Instant.nullable(),
  createdAt: Instant,
});
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = z.object({
  unread: z.stringbool().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type NotificationQuery = z.infer<typeof NotificationQuery>;
export const NotificationList = z.object({ items: z.array(Notification), unread: z.number().int() });
export type NotificationList = z.infer<typeof NotificationList>;

/** What a person is told: goal alerts at 50 / 90 / 100 %, a goal turning at risk, the weekly digest; in the app and/or by email. */
export const NotificationPreferences = z.object({
  threshold50: z.boolean(),
  threshold90: z.boolean(),
  threshold100: z.boolean(),
  atRisk: z.boolean(),
  weeklyDigest: z.boolean(),
  inApp: z.boolean(),
  email: z.boolean().describe("Only sent when the server has SMTP configured"),
  version: z.number().int().describe("0 while the defaults are in force"),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;
export const NotificationPreferencesUpdate = NotificationPreferences.omit({ version: true })
  .partial()
  .strict();
export type NotificationPreferencesUpdate = z.infer<typeof NotificationPreferencesUpdate>;

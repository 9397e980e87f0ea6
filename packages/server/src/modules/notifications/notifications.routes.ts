// A person's own in-app notifications: the bell in the web app's frame.
import {
  IdParams,
  Notification,
  NotificationList,
  NotificationPreferences,
  NotificationPreferencesUpdate,
  NotificationQuery,
} from "@oars/core";
import { z } from "zod";
import type { App } from "../../http/app";
import { signedIn } from "../auth/auth.routes";
import { listNotifications, markAllRead, markRead } from "./notifications.service";
import { getMyPreferences, updateMyPreferences } from "./preferences.service";

export async function notificationRoutes(app: App): Promise<void> {
  const tags = ["notifications"];
  app.get(
    "/api/v1/notifications",
    {
      schema: { tags, querystring: NotificationQuery, response: { 200: NotificationList } },
      config: { policy: "read" },
    },
    async (req) => listNotifications(signedIn(req), req.query),
  );
  // Reading one's own notifications is "self": a viewer marks theirs read too.
  app.post(
    "/api/v1/notifications/:id/read",
    { schema: { tags, params: IdParams, response: { 200: Notification } }, config: { policy: "self" } },
    async (req) => markRead(signedIn(req), req.params.id),
  );
  app.post(
    "/api/v1/notifications/read-all",
    {
      schema: { tags, response: { 200: z.object({ marked: z.number().int() }) } },
      config: { policy: "self" },
    },
    async (req) => ({ marked: await markAllRead(signedIn(req)) }),
  );
  // One's own choices of what to be told, and how: a viewer chooses too.
  app.get(
    "/api/v1/me/notification-preferences",
    { schema: { tags, response: { 200: NotificationPreferences } }, config: { policy: "self" } },
    async (req) => getMyPreferences(signedIn(req)),
  );
  app.put(
    "/api/v1/me/notification-preferences",
    {
      schema: { tags, body: NotificationPreferencesUpdate, response: { 200: NotificationPreferences } },
      config: { policy: "self" },
    },
    async (req) => updateMyPreferences(signedIn(req), req.body),
  );
}

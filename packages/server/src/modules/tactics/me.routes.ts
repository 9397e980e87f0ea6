// A person's own tactical views: "my week" and their iCalendar feed (made, shown and revoked here;
// read by calendar clients through its secret address, which is the feed's only credential).
import { CalendarFeed, MyWeek, MyWeekQuery } from "@oars/core";
import { z } from "zod";
import type { App } from "../../http/app";
import { notFound } from "../../http/errors";
import { signedIn } from "../auth/auth.routes";
import {
  calendarFeedIcs,
  createCalendarFeed,
  getCalendarFeed,
  revokeCalendarFeed,
} from "./calendar-feed.service";
import { myWeek } from "./my-week.service";

export async function meRoutes(app: App): Promise<void> {
  const tags = ["my week"];
  app.get(
    "/api/v1/my-week",
    { schema: { tags, querystring: MyWeekQuery, response: { 200: MyWeek } }, config: { policy: "read" } },
    async (req) => myWeek(signedIn(req), req.query),
  );
  const feed = ["calendar feed"];
  app.get(
    "/api/v1/calendar-feed",
    { schema: { tags: feed, response: { 200: CalendarFeed } }, config: { policy: "read" } },
    async (req) => getCalendarFeed(signedIn(req)),
  );
  app.post(
    "/api/v1/calendar-feed",
    { schema: { tags: feed, response: { 201: CalendarFeed } }, config: { policy: "self" } },
    async (req, reply) => reply.status(201).send(await createCalendarFeed(signedIn(req))),
  );
  app.delete(
    "/api/v1/calendar-feed",
    { schema: { tags: feed }, config: { policy: "self" } },
    async (req, reply) => {
      await revokeCalendarFeed(signedIn(req));
      return reply.status(204).send();
    },
  );
  // Public: calendar clients send no cookie or token; the secret in the address is the credential.
  app.get(
    "/api/v1/calendar/:file",
    {
      schema: {
        tags: feed,
        params: z.object({ file: z.string().max(200) }),
        response: { 200: z.string().describe("text/calendar (RFC 5545)") },
      },
      config: { policy: "public" },
    },
    async (req, reply) => {
      const token = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(req.params.file)?.[1];
      if (!token) throw notFound("Calendar feed");
      const body = await calendarFeedIcs(req.ctx.db, token, req.ctx.origin);
      return reply
        .type("text/calendar; charset=utf-8")
        .header("content-disposition", 'inline; filename="oars.ics"')
        .send(body);
    },
  );
}

// Each person's iCalendar feed: a secret, revocable address a calendar client polls. Only the
// SHA-256 of the secret is stored, so the address is shown once, when it is made.
import type { CalendarFeed } from "@oars/core";
import type { Db } from "../../db/database";
import { newId, newSecret, sha256 } from "../../db/ids";
import type { SignedInCtx } from "../../http/context";
import { notFound } from "../../http/errors";
import { recordAudit } from "../audit/audit.record";
import "../crm/crm.schema";
import { chunked, loadActions } from "./actions.repo";
import { renderFeed } from "./ical";
import { orgSettings } from "./org-settings";
import "./tactics.schema";

export const feedPath = (token: string) => `/api/v1/calendar/${token}.ics`;

async function activeFeed(ctx: SignedInCtx) {
  return ctx.db.k
    .selectFrom("calendar_feeds")
    .selectAll()
    .where("org_id", "=", ctx.actor.orgId)
    .where("person_id", "=", ctx.actor.personId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
}

export async function getCalendarFeed(ctx: SignedInCtx): Promise<CalendarFeed> {
  const feed = await activeFeed(ctx);
  return {
    active: Boolean(feed),
    createdAt: feed?.created_at ?? null,
    lastUsedAt: feed?.last_used_at ?? null,
    url: null,
  };
}

/** A new secret address; the old one (if any) stops working at once. */
export async function createCalendarFeed(ctx: SignedInCtx): Promise<CalendarFeed> {
  const token = newSecret();
  const now = new Date().toISOString();
  await ctx.db.k.transaction().execute(async (tx) => {
    await tx
      .updateTable("calendar_feeds")
      .set({ revoked_at: now })
      .where("org_id", "=", ctx.actor.orgId)
      .where("person_id", "=", ctx.actor.personId)
      .where("revoked_at", "is", null)
      .execute();
    const id = newId();
    await tx
      .insertInto("calendar_feeds")
      .values({
        id,
        org_id: ctx.actor.orgId,
        person_id: ctx.actor.personId,
        token_hash: sha256(token),
        created_at: now,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    await recordAudit(tx, ctx, ctx.actor.orgId, { entity: "calendar_feed", entityId: id, action: "create" });
  });
  return { active: true, createdAt: now, lastUsedAt: null, url: `${ctx.origin}${feedPath(token)}` };
}

export async function revokeCalendarFeed(ctx: SignedInCtx): Promise<void> {
  await ctx.db.k.transaction().execute(async (tx) => {
    const feed = await tx
      .selectFrom("calendar_feeds")
      .select("id")
      .where("org_id", "=", ctx.actor.orgId)
      .where("person_id", "=", ctx.actor.personId)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (!feed) throw notFound("Calendar feed");
    await tx
      .updateTable("calendar_feeds")
      .set({ revoked_at: new Date().toISOString() })
      .where("id", "=", feed.id)
      .execute();
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "calendar_feed",
      entityId: feed.id,
      action: "revoke",
    });
  });
}

/** The feed behind a secret: 404 for an unknown, revoked or deactivated one — never a hint which. */
export async function calendarFeedIcs(db: Db, token: string, origin: string): Promise<string> {
  const feed = await db.k
    .selectFrom("calendar_feeds as f")
    .innerJoin("people as p", "p.id", "f.person_id")
    .select(["f.id", "f.org_id", "f.person_id", "p.name", "p.active"])
    .where("f.token_hash", "=", sha256(token))
    .where("f.revoked_at", "is", null)
    .executeTakeFirst();
  if (!feed || feed.active !== 1) throw notFound("Calendar feed");
  const q = db.k;
  const settings = await orgSettings(q, feed.org_id);
  const live = await q
    .selectFrom("tactical_plans")
    .select("id")
    .where("org_id", "=", feed.org_id)
    .where("status", "in", ["draft", "active"])
    .execute();
  const actions = (
    await loadActions(q, feed.org_id, { ownerId: feed.person_id, tacticalPlanIds: live.map((p) => p.id) })
  ).filter((r) => r.row.status !== "cancelled");
  const skippedRows = await chunked(
    actions.map((a) => a.row.id),
    (part) =>
      q
        .selectFrom("action_occurrences")
        .select(["action_id", "occurs_on"])
        .where("action_id", "in", part)
        .where("status", "=", "skipped")
        .execute(),
  );
  const skipped = new Map<string, string[]>();
  for (const s of skippedRows) skipped.set(s.action_id, [...(skipped.get(s.action_id) ?? []), s.occurs_on]);
  // Meetings from a month back on: enough for "what did I have last week" without the whole history.
  const since = new Date(Date.parse(`${settings.today}T00:00:00Z`) - 30 * 86_400_000).toISOString();
  const meetings = await q
    .selectFrom("activities")
    .select(["id", "subject", "type", "occurred_at", "duration_minutes", "notes"])
    .where("org_id", "=", feed.org_id)
    .where("owner_id", "=", feed.person_id)
    .where("deleted_at", "is", null)
    .where("type", "in", ["meeting", "demo"])
    .where("status", "!=", "cancelled")
    .where("occurred_at", ">=", since)
    .orderBy("occurred_at")
    .limit(2000)
    .execute();
  await q
    .updateTable("calendar_feeds")
    .set({ last_used_at: new Date().toISOString() })
    .where("id", "=", feed.id)
    .execute();
  return renderFeed({
    personName: feed.name,
    timeZone: settings.timeZone,
    origin,
    actions,
    skipped,
    meetings: meetings.map((m) => ({
      id: m.id,
      subject: m.subject,
      type: m.type,
      occurredAt: m.occurred_at,
      durationMinutes: m.duration_minutes,
      notes: m.notes,
    })),
  });
}

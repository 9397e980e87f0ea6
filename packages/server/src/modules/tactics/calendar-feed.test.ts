import type { Action, CalendarFeed, MyWeek } from "@oars/core";
import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { buildTacticsWorld, insertActivity, type TacticsWorld } from "../../../test/tactics.fixtures";

let t: TestApp;
let w: World;
let tw: TacticsWorld;
let meeting: Action;
beforeEach(async () => {
  t = await testApp();
  w = await buildWorld(t.app, t.db);
  tw = await buildTacticsWorld(w);
  meeting = (
    await w.as.managerA.post(`/api/v1/tactical-plans/${tw.teamATactical.id}/actions`, {
      title: "Weekly client meeting: Contoso",
      ownerId: w.people.memberA.id,
      startDate: "2026-01-06",
      recurrence: { frequency: "weekly", weekdays: [2] },
      timeOfDay: "10:00",
      durationMinutes: 60,
    })
  ).json<Action>();
});
afterEach(async () => t.close());

const pathOf = (url: string) => new URL(url).pathname;

interface ParsedEvent {
  summary: string;
  dates: string[];
  allDay: boolean;
}

/** Reads the feed with ical.js — an independent RFC 5545 parser — and expands each event's dates. */
function parseFeed(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    const it = event.iterator();
    const dates: string[] = [];
    for (let next = it.next(); next && dates.length < 500; next = it.next()) dates.push(next.toString());
    return { summary: event.summary, dates, allDay: event.startDate.isDate };
  });
}

describe("iCalendar feed", () => {
  it("a recurring weekly client meeting appears in the feed and parses in an independent parser", async () => {
    await w.as.memberA.request("PUT", `/api/v1/actions/${meeting.id}/occurrences/2026-01-20`, {
      status: "skipped",
    });
    await insertActivity(t.db, w, {
      ownerId: w.people.memberA.id,
      teamId: w.teams.a,
      type: "meeting",
      status: "planned",
      at: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      subject: "Demo for Fabrikam",
    });
    const made = await w.as.memberA.post("/api/v1/calendar-feed");
    expect(made.status).toBe(201);
    const feed = made.json<CalendarFeed>();
    expect(feed.url).toMatch(/\/api\/v1\/calendar\/[\w-]{43}\.ics$/);
    const res = await w.as.anonymous.get(pathOf(feed.url ?? ""));
    expect(res.status).toBe(200);
    expect(String(res.headers["content-type"])).toContain("text/calendar");
    const events = parseFeed(String(res.body));
    const weekly = events.find((e) => e.summary === "Weekly client meeting: Contoso");
    expect(weekly?.dates).toHaveLength(12);
    expect(weekly?.dates.slice(0, 3)).toEqual([
      "2026-01-06T10:00:00",
      "2026-01-13T10:00:00",
      "2026-01-27T10:00:00",
    ]);
    expect(weekly?.dates.at(-1)).toBe("2026-03-31T10:00:00");
    expect(events.find((e) => e.summary === "Call Contoso")).toEqual({
      summary: "Call Contoso",
      dates: ["2026-01-09"],
      allDay: true,
    });
    expect(events.find((e) => e.summary === "Demo for Fabrikam")?.dates[0]).toMatch(/Z$/);
    expect((await w.as.memberA.get("/api/v1/calendar-feed")).json<CalendarFeed>()).toMatchObject({
      active: true,
      url: null,
    });
  });

  it("the secret address is revocable, and a new one replaces the old", async () => {
    const first = (await w.as.memberA.post("/api/v1/calendar-feed")).json<CalendarFeed>().url ?? "";
    const second = (await w.as.memberA.post("/api/v1/calendar-feed")).json<CalendarFeed>().url ?? "";
    expect((await w.as.anonymous.get(pathOf(first))).status).toBe(404);
    expect((await w.as.anonymous.get(pathOf(second))).status).toBe(200);
    expect((await w.as.memberA.delete("/api/v1/calendar-feed")).status).toBe(204);
    expect((await w.as.anonymous.get(pathOf(second))).status).toBe(404);
    expect((await w.as.anonymous.get("/api/v1/calendar/not-a-token.ics")).status).toBe(404);
    expect((await w.as.memberA.delete("/api/v1/calendar-feed")).status).toBe(404);
  });
});

describe("my week", () => {
  it("shows the rep's actions this week, what is overdue, and activity targets against what was logged", async () => {
    const plan = `/api/v1/tactical-plans/${tw.teamATactical.id}/funnel`;
    const version = (await w.as.managerA.get(plan)).json<{ version: number }>().version;
    await w.as.managerA.request("PUT", plan, {
      assumptions: {
        revenueTargetMinor: 140_000_00,
        averageDealSizeMinor: 10_000_00,
        stages: [
          { name: "meeting", conversionToNext: 0.5 },
          { name: "proposal", conversionToNext: 0.4 },
        ],
        activityRatios: [{ activity: "calls", perStage: "meeting", count: 8 }],
      },
      version,
    });
    for (const at of ["2026-01-12T09:00:00.000Z", "2026-01-13T15:00:00.000Z", "2026-01-18T20:00:00.000Z"])
      await insertActivity(t.db, w, { ownerId: w.people.memberA.id, teamId: w.teams.a, type: "call", at });
    await insertActivity(t.db, w, {
      ownerId: w.people.memberA.id,
      teamId: w.teams.a,
      type: "call",
      at: "2026-01-19T08:00:00.000Z",
    });
    const week = (await w.as.memberA.get("/api/v1/my-week?date=2026-01-14")).json<MyWeek>();
    expect(week).toMatchObject({ weekStart: "2026-01-12", weekEnd: "2026-01-18", name: "Mia Member" });
    expect(week.weekItems.map((o) => [o.title, o.date, o.timeOfDay])).toEqual([
      ["Weekly client meeting: Contoso", "2026-01-13", "10:00"],
    ]);
    expect(week.overdue.map((o) => o.title)).toContain("Call Contoso");
    // 560 calls over 2 people and 90 days: 21.8 → 22 a week; 3 logged in that week.
    expect(week.activityTargets).toEqual([
      { activity: "calls", type: "call", target: 22, done: 3, tacticalPlanId: tw.teamATactical.id },
    ]);
    expect(week.people).toEqual([]);
    const managed = await w.as.managerA.get(
      `/api/v1/my-week?personId=${w.people.memberA.id}&date=2026-01-14`,
    );
    expect(managed.status).toBe(200);
    // A manager may open the week of the people of their subtree, and of nobody else.
    const choices = managed.json<MyWeek>().people.map((p) => p.id);
    expect(choices).toEqual(expect.arrayContaining([w.people.managerA.id, w.people.memberA.id]));
    expect(choices).not.toContain(w.people.memberB.id);
    expect((await w.as.memberB.get(`/api/v1/my-week?personId=${w.people.memberA.id}`)).status).toBe(404);
  });
});

// Notification preferences: each person's own choices, and goal alerts that respect them.
import type { Dashboard, NotificationList, NotificationPreferences } from "@oars/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type Client, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { ensureStages } from "../crm/stages.service";

let t: TestApp;
let w: World;
beforeEach(async () => {
  t = await testApp();
  w = await buildWorld(t.app, t.db);
});
afterEach(async () => t.close());

const URL = "/api/v1/me/notification-preferences";
const putPrefs = (as: Client, body: unknown) => as.request("PUT", URL, body);

async function ok<T>(p: Promise<{ status: number; body: unknown; json<X>(): X }>, status = 200): Promise<T> {
  const r = await p;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.json<T>();
}

describe("notification preferences", () => {
  it("start with everything on; each person changes their own, audited", async () => {
    expect(await ok<NotificationPreferences>(w.as.memberA.get(URL))).toEqual({
      threshold50: true,
      threshold90: true,
      threshold100: true,
      atRisk: true,
      weeklyDigest: true,
      inApp: true,
      email: true,
      version: 0,
    });
    const mine = await ok<NotificationPreferences>(
      putPrefs(w.as.memberA, { threshold50: false, email: false }),
    );
    expect(mine).toMatchObject({ threshold50: false, email: false, threshold90: true, version: 1 });
    expect(await ok<NotificationPreferences>(putPrefs(w.as.memberA, { weeklyDigest: false }))).toMatchObject({
      threshold50: false,
      weeklyDigest: false,
      version: 2,
    });
    // Someone else's are untouched; a viewer chooses too; nonsense names the field.
    expect((await ok<NotificationPreferences>(w.as.memberB.get(URL))).version).toBe(0);
    expect((await ok<NotificationPreferences>(putPrefs(w.as.viewer, { inApp: false }))).inApp).toBe(false);
    expect((await putPrefs(w.as.memberA, { sms: true })).status).toBe(400);
    expect((await putPrefs(w.as.memberA, { inApp: "yes" })).json()).toMatchObject({
      error: { code: "invalid", field: "inApp" },
    });
    const audit = await t.db.k
      .selectFrom("audit_log")
      .select(["entity_id", "action"])
      .where("org_id", "=", w.orgId)
      .where("entity", "=", "notification_preferences")
      .execute();
    expect(audit.filter((a) => a.entity_id === w.people.memberA.id)).toHaveLength(2);
  });

  it("goal alerts at 50 / 90 / 100 % go only to those who want them", async () => {
    const dash = await ok<Dashboard>(w.as.memberA.get("/api/v1/dashboard"));
    const plan = await ok<{ id: string }>(
      w.as.memberA.post("/api/v1/plans", {
        title: "Mia's quarter",
        ownerType: "person",
        ownerId: w.people.memberA.id,
        horizonStart: "2026-01-01",
        horizonEnd: "2027-12-31",
      }),
      201,
    );
    await ok(
      w.as.memberA.post(`/api/v1/plans/${plan.id}/objectives`, {
        title: "Mia's revenue",
        metric: { key: "revenue_won" },
        target: 100_000_00,
        unit: "EUR",
        startDate: dash.periodStart,
        dueDate: dash.periodEnd,
        ownerType: "person",
        ownerId: w.people.memberA.id,
      }),
      201,
    );
    const won = (await ensureStages(t.db.k, w.orgId)).find((s) => s.kind === "won");
    const win = (amountMinor: number) =>
      ok(
        w.as.memberA.post("/api/v1/deals", {
          name: `Won ${amountMinor}`,
          amountMinor,
          stageId: won?.id,
          closeDate: dash.today,
          createdDate: dash.today,
        }),
        201,
      );
    const run = () => ok<{ sent: number }>(w.as.admin.post("/api/v1/progress/alerts/run"));
    const inbox = async () =>
      (await ok<NotificationList>(w.as.memberA.get("/api/v1/notifications"))).items
        .filter((n) => n.kind === "progress")
        .map((n) => n.title);

    await run(); // the first sighting records where the goal stands
    await win(55_000_00);
    expect((await run()).sent).toBe(1);
    expect(await inbox()).toEqual(["Mia's revenue reached 50% of its target"]);

    await ok(putPrefs(w.as.memberA, { threshold90: false }));
    await win(40_000_00);
    expect((await run()).sent).toBe(0);
    expect(await inbox()).toHaveLength(1);

    await win(10_000_00);
    expect((await run()).sent).toBe(1);
    expect((await inbox())[0]).toBe("Mia's revenue reached 100% of its target");

    // In-app turned off: nothing in the bell either.
    await ok(putPrefs(w.as.memberA, { inApp: false }));
    const before = (await inbox()).length;
    await t.db.k
      .updateTable("progress_alert_state")
      .set({ percent: 0 })
      .where("org_id", "=", w.orgId)
      .execute();
    expect((await run()).sent).toBe(0);
    expect(await inbox()).toHaveLength(before);
  });
});

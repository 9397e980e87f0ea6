// The weekly digest and goal alerts by email, through a real SMTP server started in the test.
import type { Dashboard, NotificationList } from "@oars/core";
import { SMTPServer } from "smtp-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { buildTacticsWorld, type TacticsWorld } from "../../../test/tactics.fixtures";
import { ensureStages } from "../crm/stages.service";

interface Received {
  to: string[];
  subject: string;
  text: string;
}
let smtp: SMTPServer;
let received: Received[];
let t: TestApp;
let w: World;
let tw: TacticsWorld;

/** The text part is quoted-printable: undo soft line breaks and =XX escapes (UTF-8). */
function decode(raw: string): Received["text"] {
  const body = raw.slice(raw.indexOf("\r\n\r\n") + 4).replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const hex = /^=([0-9A-F]{2})/.exec(body.slice(i, i + 3));
    if (hex?.[1]) {
      bytes.push(parseInt(hex[1], 16));
      i += 2;
    } else bytes.push(body.charCodeAt(i));
  }
  return Buffer.from(bytes).toString("utf8");
}

beforeEach(async () => {
  received = [];
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, done) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("latin1")));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: /^Subject: (.*)$/m.exec(raw)?.[1]?.trim() ?? "",
          text: decode(raw),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const address = smtp.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  t = await testApp({ config: { smtpUrl: `smtp://127.0.0.1:${port}`, publicUrl: "https://oars.example" } });
  w = await buildWorld(t.app, t.db);
  tw = await buildTacticsWorld(w);
});
afterEach(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function ok<T>(p: Promise<{ status: number; body: unknown; json<X>(): X }>, status = 200): Promise<T> {
  const r = await p;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.json<T>();
}

/** Mia's revenue goal for the current quarter at 60%, and a call on her list for today. */
async function miasWeek() {
  const dash = await ok<Dashboard>(w.as.memberA.get("/api/v1/dashboard"));
  const goal = await ok<{ id: string }>(
    w.as.memberA.post(`/api/v1/plans/${tw.memberAPlan.id}/objectives`, {
      title: "Quarter revenue",
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
  await ok(
    w.as.managerA.post(`/api/v1/tactical-plans/${tw.teamATactical.id}/actions`, {
      title: "Call Northwind about the renewal",
      ownerId: w.people.memberA.id,
      startDate: dash.today,
      dueDate: dash.today,
    }),
    201,
  );
  const won = (await ensureStages(t.db.k, w.orgId)).find((s) => s.kind === "won");
  await ok(
    w.as.memberA.post("/api/v1/deals", {
      name: "Contoso",
      amountMinor: 60_000_00,
      stageId: won?.id,
      closeDate: dash.today,
      createdDate: dash.today,
    }),
    201,
  );
  return { goal, dash };
}

describe("weekly digest", () => {
  it("tells each person who wants it their goals' progress and the week's actions, in the app and by email", async () => {
    await miasWeek();
    await ok(w.as.memberB.request("PUT", "/api/v1/me/notification-preferences", { weeklyDigest: false }));
    await ok(w.as.memberA2.request("PUT", "/api/v1/me/notification-preferences", { email: false }));

    const run = await ok<{ people: number; notified: number; emailed: number }>(
      w.as.admin.post("/api/v1/progress/digest/run"),
    );
    // Seven active people in the org, Ben said no; Mo only in the app.
    expect(run).toEqual({ people: 6, notified: 6, emailed: 5 });

    const bell = (await ok<NotificationList>(w.as.memberA.get("/api/v1/notifications"))).items.filter(
      (n) => n.kind === "digest",
    );
    expect(bell).toHaveLength(1);
    expect(bell[0]?.body).toContain("- Quarter revenue: 60% of target");
    expect(bell[0]?.body).toContain("Call Northwind about the renewal");

    const mail = received.filter((m) => m.to.includes(w.people.memberA.email));
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toMatch(/^Oars: Your week from \d{4}-\d{2}-\d{2}$/);
    expect(mail[0]?.text).toContain("- Quarter revenue: 60% of target");
    expect(mail[0]?.text).toContain("Call Northwind about the renewal");
    expect(mail[0]?.text).toContain("https://oars.example/");
    expect(received.some((m) => m.to.includes(w.people.memberB.email))).toBe(false);
    expect(received.some((m) => m.to.includes(w.people.memberA2.email))).toBe(false);
    const benBell = (await ok<NotificationList>(w.as.memberB.get("/api/v1/notifications"))).items;
    expect(benBell.filter((n) => n.kind === "digest")).toEqual([]);
  });

  it("goal alerts go by email too when chosen", async () => {
    const run = () => ok<{ sent: number; emailed: number }>(w.as.admin.post("/api/v1/progress/alerts/run"));
    const dash = await ok<Dashboard>(w.as.memberA.get("/api/v1/dashboard"));
    await ok(
      w.as.memberA.post(`/api/v1/plans/${tw.memberAPlan.id}/objectives`, {
        title: "Quarter revenue",
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
    await run();
    await ok(w.as.memberA.request("PUT", "/api/v1/me/notification-preferences", { inApp: false }));
    const won = (await ensureStages(t.db.k, w.orgId)).find((s) => s.kind === "won");
    await ok(
      w.as.memberA.post("/api/v1/deals", {
        name: "Big one",
        amountMinor: 50_000_00,
        stageId: won?.id,
        closeDate: dash.today,
        createdDate: dash.today,
      }),
      201,
    );
    expect(await run()).toMatchObject({ sent: 0, emailed: 1 });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      to: [w.people.memberA.email],
      subject: "Oars: Quarter revenue reached 50% of its target",
    });
  });
});

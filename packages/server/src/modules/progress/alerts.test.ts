// Goal alerts when a goal turns for the worse (on track → at risk → off track), and each person's
// preferences switching an alert off — in the bell and by email, through a real SMTP server.
import { addDays, type Dashboard, type NotificationList, type ObjectiveProgress } from "@oars/core";
import { SMTPServer } from "smtp-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type ActorKey, type Client, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { ensureStages } from "../crm/stages.service";

interface Received {
  to: string[];
  subject: string;
}
/** The Subject header, unfolded, its RFC 2047 encoded words (UTF-8, Q or B) decoded. */
function subjectOf(raw: string): string {
  const head = raw.slice(0, raw.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ");
  const value = /^Subject: (.*)$/m.exec(head)?.[1]?.trim() ?? "";
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text
              .replace(/_/g, " ")
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            "latin1",
          ).toString("utf8"),
    );
}

let smtp: SMTPServer;
let received: Received[];
let t: TestApp;
let w: World;
let today: string;

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
          subject: subjectOf(raw),
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
  today = (await ok<Dashboard>(w.as.admin.get("/api/v1/dashboard"))).today;
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

const TARGET = 100_000_00;

/** A revenue goal of `who`'s own over a window that started 60 days ago and ends in 30. */
async function newGoal(who: ActorKey) {
  const as = w.as[who];
  const person = w.people[who];
  const plan = await ok<{ id: string }>(
    as.post("/api/v1/plans", {
      title: `Plan of ${who}`,
      ownerType: "person",
      ownerId: person.id,
      horizonStart: addDays(today, -365),
      horizonEnd: addDays(today, 365),
    }),
    201,
  );
  const goal = await ok<{ id: string; version: number }>(
    as.post(`/api/v1/plans/${plan.id}/objectives`, {
      title: `Revenue of ${who}`,
      metric: { key: "revenue_won" },
      target: TARGET,
      unit: "EUR",
      startDate: addDays(today, -60),
      dueDate: addDays(today, 30),
      ownerType: "person",
      ownerId: person.id,
    }),
    201,
  );
  return { ...goal, as, title: `Revenue of ${who}` };
}

/** The goal met in full by a deal won today: on track and at 100 % whatever day the test runs. */
async function goalMet(who: ActorKey) {
  const goal = await newGoal(who);
  await win(goal.as, TARGET);
  const p = await ok<ObjectiveProgress>(goal.as.get(`/api/v1/objectives/${goal.id}/progress`));
  expect(p.status).toBe("on_track");
  expect(p.attainment).toBe(1);
  // Expected-by-now grows in proportion to the target: the share of it due by today.
  const dueShare = (p.expected ?? 0) / TARGET;
  expect(dueShare).toBeGreaterThan(0.3);
  expect(dueShare).toBeLessThan(1);
  return { ...goal, dueShare };
}

async function win(as: Client, amountMinor: number) {
  const won = (await ensureStages(t.db.k, w.orgId)).find((s) => s.kind === "won");
  await ok(
    as.post("/api/v1/deals", {
      name: `Won ${amountMinor}`,
      amountMinor,
      stageId: won?.id,
      closeDate: today,
      createdDate: today,
    }),
    201,
  );
}

type Goal = Awaited<ReturnType<typeof goalMet>>;

/** Raises the target so that the actual (the first target) is `pace` of what is due by now. */
async function paceAt(goal: Goal, pace: number) {
  const target = Math.round(TARGET / (pace * goal.dueShare));
  const res = await ok<{ version: number }>(
    goal.as.patch(`/api/v1/objectives/${goal.id}`, { version: goal.version, target }),
  );
  goal.version = res.version;
  const p = await ok<ObjectiveProgress>(goal.as.get(`/api/v1/objectives/${goal.id}/progress`));
  expect(p.pace).toBeCloseTo(pace, 2);
  return p;
}

const run = () =>
  ok<{ checked: number; sent: number; emailed: number }>(w.as.admin.post("/api/v1/progress/alerts/run"));

async function bell(who: ActorKey) {
  return (await ok<NotificationList>(w.as[who].get("/api/v1/notifications"))).items.filter(
    (n) => n.kind === "progress",
  );
}
/** A notification's title: its body, cut to 120 characters. */
const titleOf = (body: string) => (body.length > 120 ? `${body.slice(0, 117)}…` : body);
const mailTo = (who: ActorKey) => received.filter((m) => m.to.includes(w.people[who].email));

describe("goal alerts when a goal turns for the worse", () => {
  it("tell the owner once on track → at risk and once at risk → off track, with the reason", async () => {
    const goal = await goalMet("memberA");
    expect(await run()).toMatchObject({ checked: 1, sent: 0, emailed: 0 }); // first sighting

    const atRisk = await paceAt(goal, 0.87);
    expect(atRisk.status).toBe("at_risk");
    expect(await run()).toMatchObject({ sent: 1, emailed: 1 });
    let notes = await bell("memberA");
    expect(notes.map((n) => n.title)).toEqual([titleOf(`${goal.title} is now at risk: ${atRisk.reason}`)]);
    expect(notes[0]?.body).toBe(`${goal.title} is now at risk: ${atRisk.reason}`);
    expect(notes[0]?.link).toBe(`/objectives/${goal.id}/progress`);
    expect(mailTo("memberA").map((m) => m.subject)).toEqual([
      `Oars: ${titleOf(`${goal.title} is now at risk: ${atRisk.reason}`)}`,
    ]);
    // Still at risk: nothing new. The fall in attainment crosses no mark.
    expect(await run()).toMatchObject({ sent: 0, emailed: 0 });

    const offTrack = await paceAt(goal, 0.5);
    expect(offTrack.status).toBe("off_track");
    expect(await run()).toMatchObject({ sent: 1, emailed: 1 });
    notes = await bell("memberA");
    expect(notes).toHaveLength(2);
    expect(notes[0]?.body).toBe(`${goal.title} is now off track: ${offTrack.reason}`);
    expect(await run()).toMatchObject({ sent: 0 });

    // Nobody else heard of it.
    for (const other of ["memberA2", "managerA", "director"] as const) expect(await bell(other)).toEqual([]);
    expect(received.every((m) => m.to.join() === w.people.memberA.email)).toBe(true);
  });

  it("tell it again after the goal recovered and slipped once more", async () => {
    const goal = await goalMet("memberA");
    await run();
    await paceAt(goal, 0.5);
    expect(await run()).toMatchObject({ sent: 1 });
    // Back on track: the crossings going up are told, the good news of the status is not.
    expect((await paceAt(goal, 1 / goal.dueShare)).status).toBe("on_track"); // the first target again
    await run();
    expect((await bell("memberA")).filter((n) => n.body.includes(" is now "))).toHaveLength(1);
    expect((await paceAt(goal, 0.6)).status).toBe("off_track");
    expect(await run()).toMatchObject({ sent: 1 });
    const slips = (await bell("memberA")).filter((n) => n.body.includes(" is now "));
    expect(slips.map((n) => n.body.split(":")[0])).toEqual([
      `${goal.title} is now off track`,
      `${goal.title} is now off track`,
    ]);
  });
});

describe("notification preferences switch goal alerts off", () => {
  it("atRisk off: no at-risk notification in the bell or by email, while others still hear of theirs", async () => {
    const mia = await goalMet("memberA");
    const mo = await goalMet("memberA2");
    await ok(w.as.memberA.request("PUT", "/api/v1/me/notification-preferences", { atRisk: false }));
    await run();
    await paceAt(mia, 0.5);
    await paceAt(mo, 0.5);
    expect(await run()).toMatchObject({ checked: 2, sent: 1, emailed: 1 });
    expect(await bell("memberA")).toEqual([]);
    expect(mailTo("memberA")).toEqual([]);
    expect((await bell("memberA2")).map((n) => n.body)).toEqual([
      expect.stringMatching(/^Revenue of memberA2 is now off track: /),
    ]);
    expect(mailTo("memberA2")).toHaveLength(1);
    // The slip was seen, not postponed: switching at-risk alerts back on does not replay it.
    await ok(w.as.memberA.request("PUT", "/api/v1/me/notification-preferences", { atRisk: true }));
    expect(await run()).toMatchObject({ sent: 0, emailed: 0 });
    expect(await bell("memberA")).toEqual([]);
  });

  it("threshold50 off: no 50 % notification, while the 90 % one still comes", async () => {
    const goal = await newGoal("memberA");
    await ok(w.as.memberA.request("PUT", "/api/v1/me/notification-preferences", { threshold50: false }));
    await run(); // first sighting at 0 %
    await win(w.as.memberA, 60_000_00); // crosses 50 %; the status only improves
    expect(await run()).toMatchObject({ checked: 1, sent: 0, emailed: 0 });
    expect(await bell("memberA")).toEqual([]);
    expect(mailTo("memberA")).toEqual([]);
    await win(w.as.memberA, 35_000_00); // 95 %: crosses 90 %
    expect(await run()).toMatchObject({ sent: 1, emailed: 1 });
    expect((await bell("memberA")).map((n) => n.title)).toEqual([`${goal.title} reached 90% of its target`]);
    expect(mailTo("memberA").map((m) => m.subject)).toEqual([
      `Oars: ${goal.title} reached 90% of its target`,
    ]);
  });

  it("inApp off: nothing in the bell, the email still goes; email off: the bell only", async () => {
    const ben = await goalMet("memberB");
    const mo = await goalMet("memberA2");
    await ok(w.as.memberB.request("PUT", "/api/v1/me/notification-preferences", { inApp: false }));
    await ok(w.as.memberA2.request("PUT", "/api/v1/me/notification-preferences", { email: false }));
    await run();
    await paceAt(ben, 0.87);
    await paceAt(mo, 0.87);
    // `sent` counts notifications in the bell.
    expect(await run()).toMatchObject({ checked: 2, sent: 1, emailed: 1 });
    expect(await bell("memberB")).toEqual([]);
    expect(mailTo("memberB").map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Oars: Revenue of memberB is now at risk: /),
    ]);
    expect((await bell("memberA2")).map((n) => n.body)).toEqual([
      expect.stringMatching(/^Revenue of memberA2 is now at risk: /),
    ]);
    expect(mailTo("memberA2")).toEqual([]);

    // Both off: the slip to off track reaches neither the bell nor the mailbox.
    await ok(w.as.memberB.request("PUT", "/api/v1/me/notification-preferences", { email: false }));
    await paceAt(ben, 0.5);
    expect(await run()).toMatchObject({ sent: 0, emailed: 0 });
    expect(await bell("memberB")).toEqual([]);
    expect(mailTo("memberB")).toHaveLength(1);
  });
});

// Email through a real SMTP server started in the test (smtp-server), not a fake transport.
import { SMTPServer } from "smtp-server";
import { afterEach, beforeEach, expect, it } from "vitest";
import { anonymous, buildWorld, type World } from "../test/factory";
import { testApp, type TestApp } from "../test/harness";

interface Received {
  to: string[];
  raw: string;
}
let smtp: SMTPServer;
let received: Received[];
let t: TestApp;
let w: World;

beforeEach(async () => {
  received = [];
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, done) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const address = smtp.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  t = await testApp({ config: { smtpUrl: `smtp://127.0.0.1:${port}`, publicUrl: "https://oars.example" } });
  w = await buildWorld(t.app, t.db);
});
afterEach(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

it("emails an invite with a working one-time link", async () => {
  const res = await w.as.admin.post("/api/v1/people", {
    name: "Sam Smtp",
    email: "sam@smtp.example",
    teamId: w.teams.a,
  });
  expect(res.json<{ link: { emailed: boolean } }>().link.emailed).toBe(true);
  expect(received).toHaveLength(1);
  expect(received[0]?.to).toEqual(["sam@smtp.example"]);
  // The text part is quoted-printable: undo soft line breaks and =XX escapes.
  const body = (received[0]?.raw ?? "")
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const link = /https:\/\/oars\.example\/set-password\?token=([A-Za-z0-9_-]+)/.exec(body);
  expect(link).not.toBeNull();
  const set = await anonymous(t.app).post("/api/v1/auth/set-password", {
    token: link?.[1] ?? "",
    password: "postcards from the coast",
  });
  expect(set.status).toBe(200);
});

it("emails a self-service reset", async () => {
  const res = await anonymous(t.app).post("/api/v1/auth/forgot-password", { email: w.people.memberB.email });
  expect(res.status).toBe(202);
  expect(received.map((m) => m.to[0])).toEqual([w.people.memberB.email]);
  expect(received[0]?.raw).toMatch(/Reset your Oars password/);
});

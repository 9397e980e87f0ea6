import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { anonymous, buildWorld, client, PASSWORD, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";

let t: TestApp;
let w: World;
beforeEach(async () => {
  t = await testApp({ mailer: true });
  w = await buildWorld(t.app, t.db);
});
afterEach(async () => t.close());

function sessionCookie(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers["set-cookie"];
  const line = (Array.isArray(raw) ? raw[0] : String(raw)) as string;
  return /oars_session=([^;]+)/.exec(line)?.[1] ?? "";
}

describe("sign-in", () => {
  it("signs in with the right password and sets a hardened cookie", async () => {
    const res = await anonymous(t.app).post("/api/v1/auth/sign-in", {
      email: w.people.memberA.email,
      password: PASSWORD,
    });
    expect(res.status).toBe(200);
    const cookie = String((res.headers["set-cookie"] as string[] | string).toString());
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const body = res.json<{ person: { email: string }; csrfToken: string }>();
    expect(body.person.email).toBe(w.people.memberA.email);
    const me = await client(t.app, { cookie: sessionCookie(res) }).get("/api/v1/auth/session");
    expect(me.status).toBe(200);
  });

  it("gives a new token at every sign-in", async () => {
    const a = await anonymous(t.app).post("/api/v1/auth/sign-in", {
      email: w.people.memberA.email,
      password: PASSWORD,
    });
    const b = await anonymous(t.app).post("/api/v1/auth/sign-in", {
      email: w.people.memberA.email,
      password: PASSWORD,
    });
    expect(sessionCookie(a)).not.toBe(sessionCookie(b));
    expect(sessionCookie(a)).toHaveLength(43);
  });

  it("refuses a wrong password and a deactivated person alike", async () => {
    const wrong = await anonymous(t.app).post("/api/v1/auth/sign-in", {
      email: w.people.memberA.email,
      password: "not the password",
    });
    expect(wrong.status).toBe(401);
    const gone = await anonymous(t.app).post("/api/v1/auth/sign-in", {
      email: w.people.deactivated.email,
      password: PASSWORD,
    });
    expect(gone.status).toBe(401);
    expect(gone.json()).toEqual(wrong.json());
  });

  it("answers 429 after repeated failures, before hashing, while others still sign in", async () => {
    const statuses: number[] = [];
    const attacker = client(t.app, { remoteAddress: "10.1.2.3" });
    for (let i = 0; i < 20; i++) {
      const res = await attacker.post("/api/v1/auth/sign-in", {
        email: w.people.memberA.email,
        password: `wrong ${i}`,
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(13);
    const throttled = await attacker.post("/api/v1/auth/sign-in", {
      email: w.people.memberA.email,
      password: PASSWORD,
    });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers["retry-after"])).toBeGreaterThan(0);
    const other = await anonymous(t.app).post("/api/v1/auth/sign-in", {
      email: w.people.memberB.email,
      password: PASSWORD,
    });
    expect(other.status).toBe(200);
  });

  it("unlocks once the lock has passed, so the real user is not kept out for long", async () => {
    const sameDevice = client(t.app, { remoteAddress: "10.9.8.7" });
    for (let i = 0; i < 6; i++)
      await sameDevice.post("/api/v1/auth/sign-in", {
        email: w.people.memberA.email,
        password: `wrong ${i}`,
      });
    await t.db.k
      .updateTable("login_throttle")
      .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
      .where("key", "like", `%${w.people.memberA.email}%`)
      .execute();
    const res = await sameDevice.post("/api/v1/auth/sign-in", {
      email: w.people.memberA.email,
      password: PASSWORD,
    });
    expect(res.status).toBe(200);
    const left = await t.db.k
      .selectFrom("login_throttle")
      .select("key")
      .where("key", "like", `account%${w.people.memberA.email}%`)
      .execute();
    expect(left).toEqual([]);
  });
});

describe("sessions", () => {
  it("sign-out ends the session at once", async () => {
    expect((await w.as.memberA.post("/api/v1/auth/sign-out")).status).toBe(204);
    expect((await w.as.memberA.get("/api/v1/auth/session")).status).toBe(401);
  });

  it("expires an idle session and an old one", async () => {
    await t.db.k
      .updateTable("sessions")
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000).toISOString() })
      .where("person_id", "=", w.people.memberA.id)
      .execute();
    expect((await w.as.memberA.get("/api/v1/auth/session")).status).toBe(401);
    await t.db.k
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("person_id", "=", w.people.memberB.id)
      .execute();
    expect((await w.as.memberB.get("/api/v1/auth/session")).status).toBe(401);
  });

  it("needs the anti-forgery header for cookie writes", async () => {
    const noCsrf = client(t.app, { cookie: w.as.admin.cookie });
    const res = await noCsrf.post("/api/v1/teams", { name: "Sneaky", parentId: w.teams.dept });
    expect(res.status).toBe(403);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/x-csrf-token/);
  });

  it("deactivation ends the person's sessions at once", async () => {
    const p = await w.as.admin.get(`/api/v1/people/${w.people.memberA.id}`);
    const res = await w.as.admin.patch(`/api/v1/people/${w.people.memberA.id}`, {
      version: p.json<{ version: number }>().version,
      active: false,
    });
    expect(res.status).toBe(200);
    expect((await w.as.memberA.get("/api/v1/auth/session")).status).toBe(401);
  });

  it("an admin ends someone's sessions", async () => {
    expect((await w.as.admin.delete(`/api/v1/people/${w.people.memberB.id}/sessions`)).status).toBe(204);
    expect((await w.as.memberB.get("/api/v1/auth/session")).status).toBe(401);
  });
});

describe("API tokens", () => {
  it("a read token reads but cannot write; a revoked one stops at once", async () => {
    const created = await w.as.managerA.post("/api/v1/tokens", { name: "script", scope: "read" });
    expect(created.status).toBe(201);
    const { secret, token } = created.json<{ secret: string; token: { id: string } }>();
    const bot = client(t.app, { bearer: secret });
    expect((await bot.get("/api/v1/teams")).status).toBe(200);
    expect((await bot.post("/api/v1/teams", { name: "Bot team", parentId: w.teams.a })).status).toBe(403);
    expect((await w.as.managerA.delete(`/api/v1/tokens/${token.id}`)).status).toBe(204);
    expect((await bot.get("/api/v1/teams")).status).toBe(401);
  });

  it("a read-write token writes without the anti-forgery header", async () => {
    const { secret } = (
      await w.as.managerA.post("/api/v1/tokens", { name: "sync", scope: "read-write" })
    ).json<{ secret: string }>();
    const res = await client(t.app, { bearer: secret }).post("/api/v1/teams", {
      name: "Via token",
      parentId: w.teams.a,
    });
    expect(res.status).toBe(201);
  });

  it("another person's token is a 404, never a 403", async () => {
    const { token } = (await w.as.memberA.post("/api/v1/tokens", { name: "mine" })).json<{
      token: { id: string };
    }>();
    expect((await w.as.memberA2.get(`/api/v1/tokens/${token.id}`)).status).toBe(404);
    expect((await w.as.admin.delete(`/api/v1/tokens/${token.id}`)).status).toBe(404);
    expect((await w.as.memberA.get(`/api/v1/tokens/${token.id}`)).status).toBe(200);
  });

  it("stores only a hash of the secret", async () => {
    const { secret } = (await w.as.memberA.post("/api/v1/tokens", { name: "hash" })).json<{
      secret: string;
    }>();
    const rows = await t.db.k.selectFrom("api_tokens").select("token_hash").execute();
    expect(rows.some((r) => r.token_hash.includes(secret))).toBe(false);
  });
});

describe("invites and passwords", () => {
  it("an invite link sets the password once and signs the person in", async () => {
    const res = await w.as.admin.post("/api/v1/people", {
      name: "Nora New",
      email: "nora@test.example",
      role: "member",
      teamId: w.teams.a,
    });
    expect(res.status).toBe(201);
    const { link } = res.json<{ link: { url: string; emailed: boolean } }>();
    expect(link.emailed).toBe(true);
    expect(t.sent.at(-1)?.to).toBe("nora@test.example");
    const token = new URL(link.url).searchParams.get("token") ?? "";
    const weak = await anonymous(t.app).post("/api/v1/auth/set-password", {
      token,
      password: "password1234",
    });
    expect(weak.status).toBe(400);
    expect(weak.json<{ error: { field: string } }>().error.field).toBe("password");
    const ok = await anonymous(t.app).post("/api/v1/auth/set-password", {
      token,
      password: "a quiet harbour at noon",
    });
    expect(ok.status).toBe(200);
    const again = await anonymous(t.app).post("/api/v1/auth/set-password", {
      token,
      password: "another quiet harbour",
    });
    expect(again.status).toBe(400);
    const signIn = await anonymous(t.app).post("/api/v1/auth/sign-in", {
      email: "nora@test.example",
      password: "a quiet harbour at noon",
    });
    expect(signIn.status).toBe(200);
  });

  it("self-service reset sends an email and never says who exists", async () => {
    const known = await anonymous(t.app).post("/api/v1/auth/forgot-password", {
      email: w.people.memberB.email,
    });
    const unknown = await anonymous(t.app).post("/api/v1/auth/forgot-password", {
      email: "nobody@test.example",
    });
    expect(known.status).toBe(202);
    expect(unknown.json()).toEqual(known.json());
    expect(t.sent.map((m) => m.to)).toEqual([w.people.memberB.email]);
  });

  it("changing one's password keeps this session and ends the others", async () => {
    const other = await anonymous(t.app).post("/api/v1/auth/sign-in", {
      email: w.people.memberA.email,
      password: PASSWORD,
    });
    const otherClient = client(t.app, { cookie: sessionCookie(other) });
    const res = await w.as.memberA.post("/api/v1/me/password", {
      currentPassword: PASSWORD,
      newPassword: "lanterns over the river",
    });
    expect(res.status).toBe(204);
    expect((await w.as.memberA.get("/api/v1/auth/session")).status).toBe(200);
    expect((await otherClient.get("/api/v1/auth/session")).status).toBe(401);
    const bad = await w.as.memberA.post("/api/v1/me/password", {
      currentPassword: "wrong",
      newPassword: "lanterns over the sea",
    });
    expect(bad.json<{ error: { field: string } }>().error.field).toBe("currentPassword");
  });
});

describe("first-run set-up", () => {
  it("creates the organisation and its admin, once", async () => {
    const fresh = await testApp({ isolated: true });
    try {
      const anon = anonymous(fresh.app);
      expect((await anon.get("/api/v1/setup")).json()).toEqual({ needsSetup: true });
      const body = {
        org: { name: "Fresh Co", currency: "GBP", timeZone: "Europe/London", fiscalYearStartMonth: 4 },
        admin: { name: "Fay First", email: "fay@fresh.example", password: "kettle of green tea" },
      };
      const short = await anon.post("/api/v1/setup", {
        ...body,
        admin: { ...body.admin, password: "short" },
      });
      expect(short.status).toBe(400);
      expect(short.json<{ error: { field: string } }>().error.field).toBe("admin.password");
      const res = await anon.post("/api/v1/setup", body);
      expect(res.status).toBe(200);
      expect(res.json<{ person: { role: string }; org: { fiscalYearStartMonth: number } }>()).toMatchObject({
        person: { role: "admin" },
        org: { fiscalYearStartMonth: 4 },
      });
      expect((await anon.post("/api/v1/setup", body)).status).toBe(409);
      expect((await anon.get("/api/v1/setup")).json()).toEqual({ needsSetup: false });
    } finally {
      await fresh.close();
    }
  });
});

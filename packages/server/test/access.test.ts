// The access matrix: every live route, every kind of actor, the expected status written down by
// hand — not derived from the policy code it checks. A route missing from the table fails the test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorld, PASSWORD, type ActorKey, type World } from "./factory";
import { testApp, type TestApp } from "./harness";

type Actor = ActorKey | "anonymous";
const ACTORS: Actor[] = [
  "admin",
  "director",
  "managerA",
  "memberA",
  "memberB",
  "viewer",
  "otherAdmin",
  "deactivated",
  "anonymous",
];

interface Call {
  method: string;
  url: string;
  body?: unknown;
}
type Build = (w: World, t: TestApp) => Promise<Call> | Call;
interface Row {
  route: string;
  build: Build;
  expect: number[];
}

const rows: Row[] = [];
/** One line per route; statuses in the order of ACTORS (admin … anonymous). */
function row(route: string, build: Build, expected: number[]): void {
  rows.push({ route, build, expect: expected });
}
const [GET, POST, PATCH, DELETE] = ["GET", "POST", "PATCH", "DELETE"];
const memberAToken = async (w: World) =>
  (await w.as.memberA.post("/api/v1/tokens", { name: "mine", scope: "read" })).json<{
    token: { id: string };
  }>().token.id;

//                                                                                        adm  dir  mgA  meA  meB  view othr deac anon
row(
  "GET /api/health",
  () => ({ method: GET, url: "/api/health" }),
  [200, 200, 200, 200, 200, 200, 200, 200, 200],
);
row(
  "GET /api/openapi.json",
  () => ({ method: GET, url: "/api/openapi.json" }),
  [200, 200, 200, 200, 200, 200, 200, 200, 200],
);
row(
  "GET /api/docs/json",
  () => ({ method: GET, url: "/api/docs/json" }),
  [200, 200, 200, 200, 200, 200, 200, 200, 200],
);
row(
  "GET /api/docs/yaml",
  () => ({ method: GET, url: "/api/docs/yaml" }),
  [200, 200, 200, 200, 200, 200, 200, 200, 200],
);
row(
  "GET /api/docs",
  () => ({ method: GET, url: "/api/docs" }),
  [200, 200, 200, 200, 200, 200, 200, 200, 200],
);
// The docs UI sends its old index path on to /api/docs.
row(
  "GET /api/docs/static/index.html",
  () => ({ method: GET, url: "/api/docs/static/index.html" }),
  [302, 302, 302, 302, 302, 302, 302, 302, 302],
);
row(
  "GET /api/docs/static/swagger-initializer.js",
  () => ({ method: GET, url: "/api/docs/static/swagger-initializer.js" }),
  [200, 200, 200, 200, 200, 200, 200, 200, 200],
);
row(
  "GET /api/docs/static/*",
  () => ({ method: GET, url: "/api/docs/static/swagger-ui.css" }),
  [200, 200, 200, 200, 200, 200, 200, 200, 200],
);
row("GET /*", () => ({ method: GET, url: "/team" }), [200, 200, 200, 200, 200, 200, 200, 200, 200]);
row(
  "GET /api/v1/setup",
  () => ({ method: GET, url: "/api/v1/setup" }),
  [200, 200, 200, 200, 200, 200, 200, 200, 200],
);
row(
  "POST /api/v1/setup",
  () => ({
    method: POST,
    url: "/api/v1/setup",
    body: {
      org: { name: "Again", currency: "EUR", timeZone: "UTC", fiscalYearStartMonth: 1 },
      admin: { name: "Again", email: "again@test.example", password: "a long enough secret" },
    },
  }),
  [409, 409, 409, 409, 409, 409, 409, 409, 409],
);
row(
  "POST /api/v1/setup/demo",
  () => ({ method: POST, url: "/api/v1/setup/demo" }),
  [409, 409, 409, 409, 409, 409, 409, 409, 409],
);
row(
  "POST /api/v1/auth/sign-in",
  (w) => ({
    method: POST,
    url: "/api/v1/auth/sign-in",
    body: { email: w.people.memberA.email, password: "wrong password" },
  }),
  [401, 401, 401, 401, 401, 401, 401, 401, 401],
);
row(
  "POST /api/v1/auth/set-password",
  () => ({
    method: POST,
    url: "/api/v1/auth/set-password",
    body: { token: "x".repeat(43), password: "a long enough secret" },
  }),
  [400, 400, 400, 400, 400, 400, 400, 400, 400],
);
row(
  "POST /api/v1/auth/forgot-password",
  () => ({ method: POST, url: "/api/v1/auth/forgot-password", body: { email: "who@test.example" } }),
  [202, 202, 202, 202, 202, 202, 202, 202, 202],
);
row(
  "POST /api/v1/auth/sign-out",
  () => ({ method: POST, url: "/api/v1/auth/sign-out" }),
  [204, 204, 204, 204, 204, 204, 204, 401, 401],
);
row(
  "GET /api/v1/auth/session",
  () => ({ method: GET, url: "/api/v1/auth/session" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "POST /api/v1/me/password",
  () => ({
    method: POST,
    url: "/api/v1/me/password",
    body: { currentPassword: PASSWORD, newPassword: "brand new pass phrase" },
  }),
  [204, 204, 204, 204, 204, 204, 204, 401, 401],
);
row(
  "GET /api/v1/tokens",
  () => ({ method: GET, url: "/api/v1/tokens" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "POST /api/v1/tokens",
  () => ({ method: POST, url: "/api/v1/tokens", body: { name: "t", scope: "read" } }),
  [201, 201, 201, 201, 201, 201, 201, 401, 401],
);
row(
  "GET /api/v1/tokens/:id",
  async (w) => ({ method: GET, url: `/api/v1/tokens/${await memberAToken(w)}` }),
  [404, 404, 404, 200, 404, 404, 404, 401, 401],
);
row(
  "DELETE /api/v1/tokens/:id",
  async (w) => ({ method: DELETE, url: `/api/v1/tokens/${await memberAToken(w)}` }),
  [404, 404, 404, 204, 404, 404, 404, 401, 401],
);
row(
  "GET /api/v1/org",
  () => ({ method: GET, url: "/api/v1/org" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
// "The org" is the caller's own: another org's admin changes their own organisation.
row(
  "PATCH /api/v1/org",
  () => ({ method: PATCH, url: "/api/v1/org", body: { version: 1, name: "Renamed" } }),
  [200, 403, 403, 403, 403, 403, 200, 401, 401],
);
row(
  "GET /api/v1/teams",
  () => ({ method: GET, url: "/api/v1/teams" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "POST /api/v1/teams",
  (w) => ({ method: POST, url: "/api/v1/teams", body: { name: "New", parentId: w.teams.a } }),
  [201, 201, 201, 403, 403, 403, 400, 401, 401],
);
row(
  "GET /api/v1/teams/:id",
  (w) => ({ method: GET, url: `/api/v1/teams/${w.teams.a}` }),
  [200, 200, 200, 200, 200, 200, 404, 401, 401],
);
row(
  "PATCH /api/v1/teams/:id",
  (w) => ({ method: PATCH, url: `/api/v1/teams/${w.teams.b}`, body: { version: 1, name: "Bee" } }),
  [200, 200, 403, 403, 403, 403, 404, 401, 401],
);
row(
  "GET /api/v1/people",
  () => ({ method: GET, url: "/api/v1/people" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "POST /api/v1/people",
  (w) => ({
    method: POST,
    url: "/api/v1/people",
    body: {
      name: "Newbie",
      email: `n${Date.now()}${Math.random()}@test.example`.replace(/0\./, ""),
      teamId: w.teams.a,
    },
  }),
  [201, 201, 201, 403, 403, 403, 400, 401, 401],
);
row(
  "GET /api/v1/people/:id",
  (w) => ({ method: GET, url: `/api/v1/people/${w.people.memberA2.id}` }),
  [200, 200, 200, 200, 200, 200, 404, 401, 401],
);
row(
  "PATCH /api/v1/people/:id",
  (w) => ({
    method: PATCH,
    url: `/api/v1/people/${w.people.memberA2.id}`,
    body: { version: 1, capacityHoursPerWeek: 32 },
  }),
  [200, 200, 200, 403, 403, 403, 404, 401, 401],
);
row(
  "GET /api/v1/people/:id/memberships",
  (w) => ({ method: GET, url: `/api/v1/people/${w.people.memberA2.id}/memberships` }),
  [200, 200, 200, 200, 200, 200, 404, 401, 401],
);
row(
  "POST /api/v1/people/:id/password-link",
  (w) => ({ method: POST, url: `/api/v1/people/${w.people.memberA2.id}/password-link` }),
  [201, 403, 403, 403, 403, 403, 404, 401, 401],
);
row(
  "DELETE /api/v1/people/:id/sessions",
  (w) => ({ method: DELETE, url: `/api/v1/people/${w.people.memberA2.id}/sessions` }),
  [204, 403, 403, 403, 403, 403, 404, 401, 401],
);
row(
  "GET /api/v1/audit",
  () => ({ method: GET, url: "/api/v1/audit" }),
  [200, 403, 403, 403, 403, 403, 200, 401, 401],
);
row(
  "GET /api/v1/export",
  () => ({ method: GET, url: "/api/v1/export" }),
  [200, 403, 403, 403, 403, 403, 200, 401, 401],
);

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

describe("access matrix", () => {
  it("every live route declares a policy and has a row in this table", () => {
    const live = t.app.routeTable.filter((r) => r.method !== "HEAD");
    const undeclared = live.filter((r) => r.policy === undefined).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    const inTable = new Set(rows.map((r) => r.route));
    const missing = live.map((r) => `${r.method} ${r.url}`).filter((k) => !inTable.has(k));
    expect(missing).toEqual([]);
  });

  for (const r of rows) {
    it(r.route, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const [i, actor] of ACTORS.entries()) {
        // A fresh organisation for each actor, so one actor's write never changes another's case.
        const w = await buildWorld(t.app, t.db);
        const call = await r.build(w, t);
        const res = await w.as[actor].request(call.method, call.url, call.body);
        got[actor] = res.status;
        want[actor] = r.expect[i] ?? -1;
      }
      expect(got).toEqual(want);
    });
  }
});

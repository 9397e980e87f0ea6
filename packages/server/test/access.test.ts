// The access matrix: every live route, every kind of actor, the expected status written down by
// hand — not derived from the policy code it checks. A route missing from the table fails the test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorld, PASSWORD, type ActorKey, type World } from "./factory";
import { testApp, type TestApp } from "./harness";
import { buildPlanWorld } from "./plans.fixtures";
import { buildCrmWorld, crmAccessExtras, importAccessFixtures } from "./crm-world";
import { buildTacticsWorld, tacticsAccessExtras } from "./tactics.fixtures";

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

// Strategic planning. The fixtures (test/plans.fixtures.ts): the director's department plan with an
// objective and an initiative, and personal plans of Mia (team A) and Ben (team B).
const planned = (w: World) => buildPlanWorld(w);
const directorComment = async (w: World) => {
  const p = await planned(w);
  const res = await w.as.director.post("/api/v1/comments", {
    entity: "plan",
    entityId: p.deptPlan.id,
    body: "@Mia Member have a look",
    mentions: [w.people.memberA.id],
  });
  return res.json<{ id: string }>().id;
};
//                                                                                        adm  dir  mgA  meA  meB  view othr deac anon
row(
  "GET /api/v1/plans",
  () => ({ method: GET, url: "/api/v1/plans" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "POST /api/v1/plans",
  (w) => ({
    method: POST,
    url: "/api/v1/plans",
    body: { title: "Team A", ownerType: "team", ownerId: w.teams.a },
  }),
  [201, 201, 201, 403, 403, 403, 400, 401, 401],
);
// Mia's personal plan: her team and the managers above read it; team B's member does not.
row(
  "GET /api/v1/plans/:id",
  async (w) => ({ method: GET, url: `/api/v1/plans/${(await planned(w)).memberAPlan.id}` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
// The department plan: everyone in the org reads it (it is above their team); the director edits it.
row(
  "PATCH /api/v1/plans/:id",
  async (w) => ({
    method: PATCH,
    url: `/api/v1/plans/${(await planned(w)).deptPlan.id}`,
    body: { version: 1, title: "Renamed" },
  }),
  [200, 200, 403, 403, 403, 403, 404, 401, 401],
);
row(
  "GET /api/v1/plans/:id/checks",
  async (w) => ({ method: GET, url: `/api/v1/plans/${(await planned(w)).memberAPlan.id}/checks` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "GET /api/v1/plans/:id/baseline",
  async (w) => ({ method: GET, url: `/api/v1/plans/${(await planned(w)).memberAPlan.id}/baseline` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "GET /api/v1/plans/:id/document",
  async (w) => ({ method: GET, url: `/api/v1/plans/${(await planned(w)).deptPlan.id}/document` }),
  [200, 200, 200, 200, 200, 200, 404, 401, 401],
);
// Ben's personal plan: team A's manager and member do not see team B's personal plans.
row(
  "GET /api/v1/plans/:id/document.md",
  async (w) => ({ method: GET, url: `/api/v1/plans/${(await planned(w)).memberBPlan.id}/document.md` }),
  [200, 200, 404, 404, 200, 200, 404, 401, 401],
);
row(
  "GET /api/v1/plan-templates",
  () => ({ method: GET, url: "/api/v1/plan-templates" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "POST /api/v1/plans/:id/save-as-template",
  async (w) => ({
    method: POST,
    url: `/api/v1/plans/${(await planned(w)).deptPlan.id}/save-as-template`,
    body: { name: "Ours" },
  }),
  [201, 403, 403, 403, 403, 403, 404, 401, 401],
);
row(
  "DELETE /api/v1/plan-templates/:key",
  async (w) => {
    const p = await planned(w);
    const saved = await w.as.admin.post(`/api/v1/plans/${p.deptPlan.id}/save-as-template`, { name: "Ours" });
    return { method: DELETE, url: `/api/v1/plan-templates/${saved.json<{ key: string }>().key}?version=1` };
  },
  [204, 403, 403, 403, 403, 403, 404, 401, 401],
);
row(
  "GET /api/v1/plans/:id/objectives",
  async (w) => ({ method: GET, url: `/api/v1/plans/${(await planned(w)).deptPlan.id}/objectives` }),
  [200, 200, 200, 200, 200, 200, 404, 401, 401],
);
// The viewer reads Mia's plan (it is in their subtree) but writes nothing.
row(
  "POST /api/v1/plans/:id/objectives",
  async (w) => ({
    method: POST,
    url: `/api/v1/plans/${(await planned(w)).memberAPlan.id}/objectives`,
    body: { title: "New objective" },
  }),
  [201, 201, 201, 201, 404, 403, 404, 401, 401],
);
row(
  "GET /api/v1/objectives/:id",
  async (w) => ({ method: GET, url: `/api/v1/objectives/${(await planned(w)).deptObjective.id}` }),
  [200, 200, 200, 200, 200, 200, 404, 401, 401],
);
row(
  "PATCH /api/v1/objectives/:id",
  async (w) => ({
    method: PATCH,
    url: `/api/v1/objectives/${(await planned(w)).deptObjective.id}`,
    body: { version: 1, title: "Grow revenue faster" },
  }),
  [200, 200, 403, 403, 403, 403, 404, 401, 401],
);
row(
  "DELETE /api/v1/objectives/:id",
  async (w) => ({ method: DELETE, url: `/api/v1/objectives/${(await planned(w)).deptObjective.id}` }),
  [204, 204, 403, 403, 403, 403, 404, 401, 401],
);
row(
  "GET /api/v1/strategy-map",
  () => ({ method: GET, url: "/api/v1/strategy-map" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "GET /api/v1/plans/:id/initiatives",
  async (w) => ({ method: GET, url: `/api/v1/plans/${(await planned(w)).memberBPlan.id}/initiatives` }),
  [200, 200, 404, 404, 200, 200, 404, 401, 401],
);
row(
  "POST /api/v1/plans/:id/initiatives",
  async (w) => ({
    method: POST,
    url: `/api/v1/plans/${(await planned(w)).deptPlan.id}/initiatives`,
    body: { title: "CRM roll-out" },
  }),
  [201, 201, 403, 403, 403, 403, 404, 401, 401],
);
row(
  "GET /api/v1/initiatives/:id",
  async (w) => ({ method: GET, url: `/api/v1/initiatives/${(await planned(w)).deptInitiative.id}` }),
  [200, 200, 200, 200, 200, 200, 404, 401, 401],
);
row(
  "PATCH /api/v1/initiatives/:id",
  async (w) => ({
    method: PATCH,
    url: `/api/v1/initiatives/${(await planned(w)).deptInitiative.id}`,
    body: { version: 1, status: "in_progress" },
  }),
  [200, 200, 403, 403, 403, 403, 404, 401, 401],
);
row(
  "DELETE /api/v1/initiatives/:id",
  async (w) => ({ method: DELETE, url: `/api/v1/initiatives/${(await planned(w)).deptInitiative.id}` }),
  [204, 204, 403, 403, 403, 403, 404, 401, 401],
);
row(
  "GET /api/v1/plan-questions",
  () => ({ method: GET, url: "/api/v1/plan-questions" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
// The question set is the caller's own org's: another org's admin edits theirs.
row(
  "POST /api/v1/plan-questions",
  () => ({ method: POST, url: "/api/v1/plan-questions", body: { key: "partners", text: "Which partners?" } }),
  [201, 403, 403, 403, 403, 403, 201, 401, 401],
);
row(
  "PATCH /api/v1/plan-questions/:key",
  () => ({ method: PATCH, url: "/api/v1/plan-questions/stop_doing", body: { version: 1, required: false } }),
  [200, 403, 403, 403, 403, 403, 200, 401, 401],
);
row(
  "GET /api/v1/plans/:id/refinement",
  async (w) => ({ method: GET, url: `/api/v1/plans/${(await planned(w)).memberAPlan.id}/refinement` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "PUT /api/v1/plans/:id/answers/:key",
  async (w) => ({
    method: "PUT",
    url: `/api/v1/plans/${(await planned(w)).memberAPlan.id}/answers/stop_doing`,
    body: { answer: "Cold calls to tiny accounts." },
  }),
  [200, 200, 200, 200, 404, 403, 404, 401, 401],
);
row(
  "GET /api/v1/comments",
  async (w) => ({
    method: GET,
    url: `/api/v1/comments?entity=plan&entityId=${(await planned(w)).memberAPlan.id}`,
  }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "POST /api/v1/comments",
  async (w) => ({
    method: POST,
    url: "/api/v1/comments",
    body: { entity: "plan", entityId: (await planned(w)).deptPlan.id, body: "Looks right." },
  }),
  [201, 201, 201, 201, 201, 403, 404, 401, 401],
);
// Only its author edits a comment; an admin may remove one.
row(
  "PATCH /api/v1/comments/:id",
  async (w) => ({
    method: PATCH,
    url: `/api/v1/comments/${await directorComment(w)}`,
    body: { version: 1, body: "Edited" },
  }),
  [403, 200, 403, 403, 403, 403, 404, 401, 401],
);
row(
  "DELETE /api/v1/comments/:id",
  async (w) => ({ method: DELETE, url: `/api/v1/comments/${await directorComment(w)}` }),
  [204, 204, 403, 403, 403, 403, 404, 401, 401],
);
row(
  "GET /api/v1/notifications",
  () => ({ method: GET, url: "/api/v1/notifications" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
// The director's comment mentions Mia: the notification is hers alone.
row(
  "POST /api/v1/notifications/:id/read",
  async (w) => {
    await directorComment(w);
    const inbox = (await w.as.memberA.get("/api/v1/notifications")).json<{ items: { id: string }[] }>();
    return { method: POST, url: `/api/v1/notifications/${inbox.items[0]?.id ?? "none"}/read` };
  },
  [404, 404, 404, 200, 404, 404, 404, 401, 401],
);
row(
  "POST /api/v1/notifications/read-all",
  () => ({ method: POST, url: "/api/v1/notifications/read-all" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);

// Sales records (issue 4). Member A owns account A, contact A, deal A and activity A in team A;
// member A2's deal sits deleted in team A; member B's records are team B's.
const crm = async (w: World, t: TestApp) => buildCrmWorld(t.db, w);
const crmPlus = async (w: World, t: TestApp) => {
  const c = await crm(w, t);
  return { c, x: await crmAccessExtras(t.db, w, c) };
};
const PUT = "PUT";
const newDeal = { name: "New", amountMinor: 100, closeDate: "2026-06-30" };
//                                                                                        adm  dir  mgA  meA  meB  view othr deac anon
row(
  "GET /api/v1/accounts",
  () => ({ method: GET, url: "/api/v1/accounts" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "GET /api/v1/accounts/export.csv",
  () => ({ method: GET, url: "/api/v1/accounts/export.csv" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "POST /api/v1/accounts",
  () => ({ method: POST, url: "/api/v1/accounts", body: { name: "New account" } }),
  [201, 201, 201, 201, 201, 403, 201, 401, 401],
);
row(
  "POST /api/v1/accounts/bulk",
  () => ({ method: POST, url: "/api/v1/accounts/bulk", body: { create: [{ name: "New account" }] } }),
  [200, 200, 200, 200, 200, 403, 200, 401, 401],
);
row(
  "GET /api/v1/accounts/:id",
  async (w, t) => ({ method: GET, url: `/api/v1/accounts/${(await crm(w, t)).accountA}` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "PATCH /api/v1/accounts/:id",
  async (w, t) => ({
    method: PATCH,
    url: `/api/v1/accounts/${(await crm(w, t)).accountA}`,
    body: { version: 1, tier: "major" },
  }),
  [200, 200, 200, 200, 404, 403, 404, 401, 401],
);
row(
  "DELETE /api/v1/accounts/:id",
  async (w, t) => ({ method: DELETE, url: `/api/v1/accounts/${(await crm(w, t)).accountA}` }),
  [204, 204, 204, 204, 404, 403, 404, 401, 401],
);
// Nothing is deleted: restoring a live record is 404 for everyone who may see it or not.
row(
  "POST /api/v1/accounts/:id/restore",
  async (w, t) => ({ method: POST, url: `/api/v1/accounts/${(await crm(w, t)).accountA}/restore` }),
  [404, 404, 404, 404, 404, 404, 404, 401, 401],
);
row(
  "GET /api/v1/contacts",
  () => ({ method: GET, url: "/api/v1/contacts" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "GET /api/v1/contacts/export.csv",
  () => ({ method: GET, url: "/api/v1/contacts/export.csv" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "POST /api/v1/contacts",
  () => ({ method: POST, url: "/api/v1/contacts", body: { name: "New contact" } }),
  [201, 201, 201, 201, 201, 403, 201, 401, 401],
);
row(
  "POST /api/v1/contacts/bulk",
  () => ({ method: POST, url: "/api/v1/contacts/bulk", body: { create: [{ name: "New contact" }] } }),
  [200, 200, 200, 200, 200, 403, 200, 401, 401],
);
row(
  "GET /api/v1/contacts/:id",
  async (w, t) => ({ method: GET, url: `/api/v1/contacts/${(await crm(w, t)).contactA}` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "PATCH /api/v1/contacts/:id",
  async (w, t) => ({
    method: PATCH,
    url: `/api/v1/contacts/${(await crm(w, t)).contactA}`,
    body: { version: 1, title: "CEO" },
  }),
  [200, 200, 200, 200, 404, 403, 404, 401, 401],
);
row(
  "DELETE /api/v1/contacts/:id",
  async (w, t) => ({ method: DELETE, url: `/api/v1/contacts/${(await crm(w, t)).contactA}` }),
  [204, 204, 204, 204, 404, 403, 404, 401, 401],
);
row(
  "POST /api/v1/contacts/:id/restore",
  async (w, t) => ({ method: POST, url: `/api/v1/contacts/${(await crm(w, t)).contactA}/restore` }),
  [404, 404, 404, 404, 404, 404, 404, 401, 401],
);
row(
  "GET /api/v1/deals",
  () => ({ method: GET, url: "/api/v1/deals" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "GET /api/v1/deals/export.csv",
  () => ({ method: GET, url: "/api/v1/deals/export.csv" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "GET /api/v1/deals/summary",
  () => ({ method: GET, url: "/api/v1/deals/summary" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "POST /api/v1/deals",
  () => ({ method: POST, url: "/api/v1/deals", body: newDeal }),
  [201, 201, 201, 201, 201, 403, 201, 401, 401],
);
row(
  "POST /api/v1/deals/bulk",
  () => ({ method: POST, url: "/api/v1/deals/bulk", body: { create: [newDeal] } }),
  [200, 200, 200, 200, 200, 403, 200, 401, 401],
);
row(
  "GET /api/v1/deals/:id",
  async (w, t) => ({ method: GET, url: `/api/v1/deals/${(await crm(w, t)).dealA}` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "PATCH /api/v1/deals/:id",
  async (w, t) => ({
    method: PATCH,
    url: `/api/v1/deals/${(await crm(w, t)).dealA}`,
    body: { version: 1, amountMinor: 7 },
  }),
  [200, 200, 200, 200, 404, 403, 404, 401, 401],
);
row(
  "DELETE /api/v1/deals/:id",
  async (w, t) => ({ method: DELETE, url: `/api/v1/deals/${(await crm(w, t)).dealA}` }),
  [204, 204, 204, 204, 404, 403, 404, 401, 401],
);
// Member A2's deleted deal: team A's manager and those above restore it; member A reads, 403.
row(
  "POST /api/v1/deals/:id/restore",
  async (w, t) => ({ method: POST, url: `/api/v1/deals/${(await crmPlus(w, t)).x.deletedDeal}/restore` }),
  [200, 200, 200, 403, 404, 403, 404, 401, 401],
);
row(
  "GET /api/v1/deals/:id/history",
  async (w, t) => ({ method: GET, url: `/api/v1/deals/${(await crm(w, t)).dealA}/history` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "GET /api/v1/activities",
  () => ({ method: GET, url: "/api/v1/activities" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "GET /api/v1/activities/export.csv",
  () => ({ method: GET, url: "/api/v1/activities/export.csv" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "POST /api/v1/activities",
  () => ({ method: POST, url: "/api/v1/activities", body: { type: "call", subject: "New call" } }),
  [201, 201, 201, 201, 201, 403, 201, 401, 401],
);
row(
  "POST /api/v1/activities/bulk",
  () => ({
    method: POST,
    url: "/api/v1/activities/bulk",
    body: { create: [{ type: "note", subject: "Note" }] },
  }),
  [200, 200, 200, 200, 200, 403, 200, 401, 401],
);
row(
  "GET /api/v1/activities/:id",
  async (w, t) => ({ method: GET, url: `/api/v1/activities/${(await crm(w, t)).activityA}` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "PATCH /api/v1/activities/:id",
  async (w, t) => ({
    method: PATCH,
    url: `/api/v1/activities/${(await crm(w, t)).activityA}`,
    body: { version: 1, outcome: "won" },
  }),
  [200, 200, 200, 200, 404, 403, 404, 401, 401],
);
row(
  "DELETE /api/v1/activities/:id",
  async (w, t) => ({ method: DELETE, url: `/api/v1/activities/${(await crm(w, t)).activityA}` }),
  [204, 204, 204, 204, 404, 403, 404, 401, 401],
);
row(
  "POST /api/v1/activities/:id/restore",
  async (w, t) => ({ method: POST, url: `/api/v1/activities/${(await crm(w, t)).activityA}/restore` }),
  [404, 404, 404, 404, 404, 404, 404, 401, 401],
);
row(
  "GET /api/v1/pipeline/stages",
  () => ({ method: GET, url: "/api/v1/pipeline/stages" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
// The pipeline, products and rates are the caller's own org's: another org's admin changes theirs.
row(
  "POST /api/v1/pipeline/stages",
  () => ({ method: POST, url: "/api/v1/pipeline/stages", body: { name: "Demo", probability: 50 } }),
  [201, 403, 403, 403, 403, 403, 201, 401, 401],
);
row(
  "PUT /api/v1/pipeline/stages/order",
  async (w, t) => {
    const s = (await crm(w, t)).stages;
    return { method: PUT, url: "/api/v1/pipeline/stages/order", body: { ids: [s.lost, s.won] } };
  },
  [400, 403, 403, 403, 403, 403, 400, 401, 401],
);
row(
  "PATCH /api/v1/pipeline/stages/:id",
  async (w, t) => ({
    method: PATCH,
    url: `/api/v1/pipeline/stages/${(await crm(w, t)).stages.first}`,
    body: { version: 1, probability: 15 },
  }),
  [200, 403, 403, 403, 403, 403, 404, 401, 401],
);
row(
  "GET /api/v1/products",
  () => ({ method: GET, url: "/api/v1/products" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "POST /api/v1/products",
  () => ({ method: POST, url: "/api/v1/products", body: { name: "Support plan" } }),
  [201, 403, 403, 403, 403, 403, 201, 401, 401],
);
row(
  "GET /api/v1/products/:id",
  async (w, t) => ({ method: GET, url: `/api/v1/products/${(await crm(w, t)).product}` }),
  [200, 200, 200, 200, 200, 200, 404, 401, 401],
);
row(
  "PATCH /api/v1/products/:id",
  async (w, t) => ({
    method: PATCH,
    url: `/api/v1/products/${(await crm(w, t)).product}`,
    body: { version: 1, family: "Services" },
  }),
  [200, 403, 403, 403, 403, 403, 404, 401, 401],
);
row(
  "GET /api/v1/exchange-rates",
  () => ({ method: GET, url: "/api/v1/exchange-rates" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "PUT /api/v1/exchange-rates",
  () => ({
    method: PUT,
    url: "/api/v1/exchange-rates",
    body: { rates: [{ currency: "GBP", date: "2026-01-01", rate: 1.2 }] },
  }),
  [200, 403, 403, 403, 403, 403, 200, 401, 401],
);
row(
  "DELETE /api/v1/exchange-rates/:id",
  async (w, t) => ({ method: DELETE, url: `/api/v1/exchange-rates/${(await crmPlus(w, t)).x.rate}` }),
  [204, 403, 403, 403, 403, 403, 404, 401, 401],
);
row(
  "GET /api/v1/views",
  () => ({ method: GET, url: "/api/v1/views" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
// A saved view is one's own, viewers included; member A's private view is hers alone.
row(
  "POST /api/v1/views",
  () => ({
    method: POST,
    url: "/api/v1/views",
    body: { entity: "deals", name: "Open", query: { status: "open" } },
  }),
  [201, 201, 201, 201, 201, 201, 201, 401, 401],
);
row(
  "PATCH /api/v1/views/:id",
  async (w, t) => ({
    method: PATCH,
    url: `/api/v1/views/${(await crmPlus(w, t)).x.view}`,
    body: { version: 1, name: "Renamed" },
  }),
  [404, 404, 404, 200, 404, 404, 404, 401, 401],
);
row(
  "DELETE /api/v1/views/:id",
  async (w, t) => ({ method: DELETE, url: `/api/v1/views/${(await crmPlus(w, t)).x.view}` }),
  [404, 404, 404, 204, 404, 404, 404, 401, 401],
);

// Tactical planning. The fixtures (test/tactics.fixtures.ts): team A's plan under the department's,
// a tactical plan for the department, team A and Mia, an action of Mia's in team A's, plus for some
// rows a split, Mia's commitment and her recurring meeting. Team A's tactical plan: its manager, the
// director and the admin change it; Mia and the viewer read it; Ben (team B) does not see it.
const tactics = (w: World) => buildTacticsWorld(w);
const tacticsPlus = (w: World) => tacticsAccessExtras(w);
const teamATactical = async (w: World) => `/api/v1/tactical-plans/${(await tactics(w)).teamATactical.id}`;
//                                                                                        adm  dir  mgA  meA  meB  view othr deac anon
row(
  "GET /api/v1/tactical-plans",
  () => ({ method: GET, url: "/api/v1/tactical-plans" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "POST /api/v1/tactical-plans",
  async (w) => ({
    method: POST,
    url: "/api/v1/tactical-plans",
    body: { strategicPlanId: (await tactics(w)).teamAPlan.id },
  }),
  [201, 201, 201, 403, 404, 403, 404, 401, 401],
);
row(
  "GET /api/v1/tactical-plans/:id",
  async (w) => ({ method: GET, url: await teamATactical(w) }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "PATCH /api/v1/tactical-plans/:id",
  async (w) => ({ method: PATCH, url: await teamATactical(w), body: { version: 1, title: "Q1 push" } }),
  [200, 200, 200, 403, 404, 403, 404, 401, 401],
);
row(
  "GET /api/v1/tactical-plans/:id/split-setup",
  async (w) => {
    const tw = await tactics(w);
    return {
      method: GET,
      url: `/api/v1/tactical-plans/${tw.teamATactical.id}/split-setup?objectiveId=${tw.teamAObjective.id}`,
    };
  },
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
// A preview changes nothing: whoever reads the plan may try a split.
row(
  "POST /api/v1/tactical-plans/:id/splits/preview",
  async (w) => {
    const tw = await tactics(w);
    return {
      method: POST,
      url: `/api/v1/tactical-plans/${tw.teamATactical.id}/splits/preview`,
      body: { objectiveId: tw.teamAObjective.id, settings: { rows: [{ id: w.people.memberA.id }] } },
    };
  },
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "GET /api/v1/tactical-plans/:id/splits",
  async (w) => ({ method: GET, url: `${await teamATactical(w)}/splits` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "PUT /api/v1/tactical-plans/:id/splits",
  async (w) => {
    const tw = await tactics(w);
    return {
      method: "PUT",
      url: `/api/v1/tactical-plans/${tw.teamATactical.id}/splits`,
      body: { objectiveId: tw.teamAObjective.id, settings: { rows: [{ id: w.people.memberA.id }] } },
    };
  },
  [200, 200, 200, 403, 404, 403, 404, 401, 401],
);
row(
  "GET /api/v1/splits/:id",
  async (w) => ({ method: GET, url: `/api/v1/splits/${(await tacticsPlus(w)).split.id}` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "DELETE /api/v1/splits/:id",
  async (w) => ({ method: DELETE, url: `/api/v1/splits/${(await tacticsPlus(w)).split.id}?version=1` }),
  [204, 204, 204, 403, 404, 403, 404, 401, 401],
);
// A list filters to what the reader sees: Ben and the other org get an empty one.
row(
  "GET /api/v1/milestones",
  async (w) => ({
    method: GET,
    url: `/api/v1/milestones?tacticalPlanId=${(await tacticsPlus(w)).teamATactical.id}`,
  }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "GET /api/v1/tactical-plans/:id/commitments",
  async (w) => {
    const tw = await tactics(w);
    return {
      method: GET,
      url: `/api/v1/tactical-plans/${tw.teamATactical.id}/commitments?objectiveId=${tw.teamAObjective.id}`,
    };
  },
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
// Mia commits her own number; committing for others is the planners'.
row(
  "POST /api/v1/tactical-plans/:id/commitments",
  async (w) => {
    const tw = await tactics(w);
    return {
      method: POST,
      url: `/api/v1/tactical-plans/${tw.teamATactical.id}/commitments`,
      body: { objectiveId: tw.teamAObjective.id, ownerId: w.people.memberA.id, amount: 25_000_00 },
    };
  },
  [200, 200, 200, 200, 404, 403, 404, 401, 401],
);
row(
  "PATCH /api/v1/commitments/:id",
  async (w) => ({
    method: PATCH,
    url: `/api/v1/commitments/${(await tacticsPlus(w)).commitment.id}`,
    body: { version: 1, status: "accepted" },
  }),
  [200, 200, 200, 403, 404, 403, 404, 401, 401],
);
row(
  "GET /api/v1/tactical-plans/:id/funnel",
  async (w) => ({ method: GET, url: `${await teamATactical(w)}/funnel` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "PUT /api/v1/tactical-plans/:id/funnel",
  async (w) => ({
    method: "PUT",
    url: `${await teamATactical(w)}/funnel`,
    body: {
      version: 1,
      assumptions: { averageDealSizeMinor: 10_000_00, stages: [{ name: "proposal", conversionToNext: 0.4 }] },
    },
  }),
  [200, 200, 200, 403, 404, 403, 404, 401, 401],
);
row(
  "POST /api/v1/tactical-plans/:id/funnel/actions",
  async (w) => ({ method: POST, url: `${await teamATactical(w)}/funnel/actions`, body: {} }),
  [201, 201, 201, 403, 404, 403, 404, 401, 401],
);
// The calculator changes nothing and reads no record: anyone signed in may use it.
row(
  "POST /api/v1/funnel/calculate",
  () => ({
    method: POST,
    url: "/api/v1/funnel/calculate",
    body: {
      base: {
        revenueTargetMinor: 140_000_00,
        averageDealSizeMinor: 10_000_00,
        stages: [{ name: "proposal", conversionToNext: 0.4 }],
        start: "2026-01-01",
        end: "2026-03-31",
      },
    },
  }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "GET /api/v1/funnel/learned",
  (w) => ({ method: GET, url: `/api/v1/funnel/learned?ownerType=person&ownerId=${w.people.memberA.id}` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "GET /api/v1/funnel/defaults",
  () => ({ method: GET, url: "/api/v1/funnel/defaults" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
// Each org's admins set their own defaults.
row(
  "PUT /api/v1/funnel/defaults",
  () => ({
    method: "PUT",
    url: "/api/v1/funnel/defaults",
    body: {
      assumptions: { averageDealSizeMinor: 10_000_00, stages: [{ name: "proposal", conversionToNext: 0.4 }] },
    },
  }),
  [200, 403, 403, 403, 403, 403, 200, 401, 401],
);
row(
  "GET /api/v1/tactical-plans/:id/actions",
  async (w) => ({ method: GET, url: `${await teamATactical(w)}/actions` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "POST /api/v1/tactical-plans/:id/actions",
  async (w) => ({
    method: POST,
    url: `${await teamATactical(w)}/actions`,
    body: { title: "Book the trade fair" },
  }),
  [201, 201, 201, 403, 404, 403, 404, 401, 401],
);
row(
  "POST /api/v1/tactical-plans/:id/template-actions",
  async (w) => ({
    method: POST,
    url: `${await teamATactical(w)}/template-actions`,
    body: { templateKey: "account-manager" },
  }),
  [201, 201, 201, 403, 404, 403, 404, 401, 401],
);
row(
  "GET /api/v1/actions/:id",
  async (w) => ({ method: GET, url: `/api/v1/actions/${(await tactics(w)).actionA.id}` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
// Mia moves her own action along without rights over the plan.
row(
  "PATCH /api/v1/actions/:id",
  async (w) => ({
    method: PATCH,
    url: `/api/v1/actions/${(await tactics(w)).actionA.id}`,
    body: { version: 1, status: "doing" },
  }),
  [200, 200, 200, 200, 404, 403, 404, 401, 401],
);
row(
  "DELETE /api/v1/actions/:id",
  async (w) => ({ method: DELETE, url: `/api/v1/actions/${(await tactics(w)).actionA.id}` }),
  [204, 204, 204, 403, 404, 403, 404, 401, 401],
);
row(
  "GET /api/v1/actions/:id/occurrences",
  async (w) => ({
    method: GET,
    url: `/api/v1/actions/${(await tacticsPlus(w)).weekly.id}/occurrences?from=2026-01-01&to=2026-01-31`,
  }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "PUT /api/v1/actions/:id/occurrences/:date",
  async (w) => ({
    method: "PUT",
    url: `/api/v1/actions/${(await tacticsPlus(w)).weekly.id}/occurrences/2026-01-13`,
    body: { status: "done" },
  }),
  [200, 200, 200, 200, 404, 403, 404, 401, 401],
);
row(
  "GET /api/v1/tactical-plans/:id/capacity",
  async (w) => ({ method: GET, url: `${await teamATactical(w)}/capacity` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "GET /api/v1/tactical-plans/:id/timeline",
  async (w) => ({ method: GET, url: `${await teamATactical(w)}/timeline` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "GET /api/v1/my-week",
  () => ({ method: GET, url: "/api/v1/my-week" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "GET /api/v1/calendar-feed",
  () => ({ method: GET, url: "/api/v1/calendar-feed" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "POST /api/v1/calendar-feed",
  () => ({ method: POST, url: "/api/v1/calendar-feed" }),
  [201, 201, 201, 201, 201, 201, 201, 401, 401],
);
// Nobody has a feed in a fresh world, so there is none to revoke.
row(
  "DELETE /api/v1/calendar-feed",
  () => ({ method: DELETE, url: "/api/v1/calendar-feed" }),
  [404, 404, 404, 404, 404, 404, 404, 401, 401],
);
// The feed's secret address is its only credential: an unknown one is simply not there.
row(
  "GET /api/v1/calendar/:file",
  () => ({ method: GET, url: "/api/v1/calendar/0000000000000000000000000000000000000000000.ics" }),
  [404, 404, 404, 404, 404, 404, 404, 404, 404],
);

// Live progress (modules/progress): a figure is visible wherever its objective is; the records
// behind it are cut to the reader's scope (progress.test.ts proves the cut).
const manualObjective = async (w: World) => {
  const p = await planned(w);
  const res = await w.as.memberA.post(`/api/v1/plans/${p.memberAPlan.id}/objectives`, {
    title: "Training modules",
    metric: { key: "manual", unit: "modules" },
    target: 10,
    ownerType: "person",
    ownerId: w.people.memberA.id,
  });
  return res.json<{ id: string }>().id;
};
//                                                                                        adm  dir  mgA  meA  meB  view othr deac anon
row(
  "GET /api/v1/objectives/:id/progress",
  async (w) => ({ method: GET, url: `/api/v1/objectives/${(await planned(w)).deptObjective.id}/progress` }),
  [200, 200, 200, 200, 200, 200, 404, 401, 401],
);
row(
  "GET /api/v1/plans/:id/progress",
  async (w) => ({ method: GET, url: `/api/v1/plans/${(await planned(w)).memberAPlan.id}/progress` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "GET /api/v1/objectives/:id/progress/deals",
  async (w) => ({
    method: GET,
    url: `/api/v1/objectives/${(await planned(w)).deptObjective.id}/progress/deals`,
  }),
  [200, 200, 200, 200, 200, 200, 404, 401, 401],
);
row(
  "GET /api/v1/objectives/:id/progress/activities",
  async (w) => ({
    method: GET,
    url: `/api/v1/objectives/${(await planned(w)).deptObjective.id}/progress/activities`,
  }),
  [200, 200, 200, 200, 200, 200, 404, 401, 401],
);
row(
  "GET /api/v1/objectives/:id/checkins",
  async (w) => ({ method: GET, url: `/api/v1/objectives/${await manualObjective(w)}/checkins` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "POST /api/v1/objectives/:id/checkins",
  async (w) => ({
    method: POST,
    url: `/api/v1/objectives/${await manualObjective(w)}/checkins`,
    body: { value: 3, confidence: 0.7, note: "three done" },
  }),
  [201, 201, 201, 201, 404, 403, 404, 401, 401],
);
row(
  "DELETE /api/v1/checkins/:id",
  async (w) => {
    const id = await manualObjective(w);
    const res = await w.as.memberA.post(`/api/v1/objectives/${id}/checkins`, { value: 3 });
    return { method: DELETE, url: `/api/v1/checkins/${res.json<{ id: string }>().id}` };
  },
  [204, 204, 204, 204, 404, 403, 404, 401, 401],
);
row(
  "POST /api/v1/progress/alerts/run",
  () => ({ method: POST, url: "/api/v1/progress/alerts/run" }),
  [200, 403, 403, 403, 403, 403, 200, 401, 401],
);
// A milestone's progress and the records behind it: who reads its tactical plan reads the figure.
const milestoneOf = async (w: World) => {
  const tw = await tacticsPlus(w);
  const res = await w.as.admin.get(`/api/v1/milestones?tacticalPlanId=${tw.teamATactical.id}`);
  const first = res.json<{ items: { id: string }[] }>().items[0];
  if (!first) throw new Error("no milestone in the fixture");
  return first.id;
};
row(
  "GET /api/v1/tactical-plans/:id/progress",
  async (w) => ({ method: GET, url: `${await teamATactical(w)}/progress` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "GET /api/v1/milestones/:id/progress",
  async (w) => ({ method: GET, url: `/api/v1/milestones/${await milestoneOf(w)}/progress` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "GET /api/v1/milestones/:id/progress/deals",
  async (w) => ({ method: GET, url: `/api/v1/milestones/${await milestoneOf(w)}/progress/deals` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "GET /api/v1/milestones/:id/progress/activities",
  async (w) => ({ method: GET, url: `/api/v1/milestones/${await milestoneOf(w)}/progress/activities` }),
  [200, 200, 200, 200, 404, 200, 404, 401, 401],
);
row(
  "GET /api/v1/dashboard",
  () => ({ method: GET, url: "/api/v1/dashboard" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);

// Closed periods: a fiscal period is closed by an admin or the manager of the whole org (the
// director), reopened by an admin only; frozen rows are cut to the reader's scope (closes.test.ts).
const closedQ1 = async (w: World) =>
  (await w.as.admin.post("/api/v1/period-closes", { kind: "quarter", period: "FY2026-Q1" })).json<{
    id: string;
  }>().id;
//                                                                                        adm  dir  mgA  meA  meB  view othr deac anon
row(
  "POST /api/v1/period-closes",
  () => ({ method: POST, url: "/api/v1/period-closes", body: { kind: "quarter", period: "FY2026-Q1" } }),
  [201, 201, 403, 403, 403, 403, 201, 401, 401],
);
row(
  "GET /api/v1/period-closes",
  () => ({ method: GET, url: "/api/v1/period-closes" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "GET /api/v1/period-closes/:id",
  async (w) => ({ method: GET, url: `/api/v1/period-closes/${await closedQ1(w)}` }),
  [200, 200, 200, 200, 200, 200, 404, 401, 401],
);
row(
  "POST /api/v1/period-closes/:id/reopen",
  async (w) => ({
    method: POST,
    url: `/api/v1/period-closes/${await closedQ1(w)}/reopen`,
    body: { version: 1 },
  }),
  [200, 403, 403, 403, 403, 403, 404, 401, 401],
);
// By period key: another org has no such closed period.
row(
  "GET /api/v1/attainment/export",
  async (w) => {
    await closedQ1(w);
    return { method: GET, url: "/api/v1/attainment/export?period=FY2026-Q1" };
  },
  [200, 200, 200, 200, 200, 200, 404, 401, 401],
);
// Forecast adjustments on the department's objective: its managers (the director) and admins.
row(
  "GET /api/v1/objectives/:id/forecast-adjustments",
  async (w) => ({
    method: GET,
    url: `/api/v1/objectives/${(await planned(w)).deptObjective.id}/forecast-adjustments`,
  }),
  [200, 200, 200, 200, 200, 200, 404, 401, 401],
);
row(
  "POST /api/v1/objectives/:id/forecast-adjustments",
  async (w) => ({
    method: POST,
    url: `/api/v1/objectives/${(await planned(w)).deptObjective.id}/forecast-adjustments`,
    body: { category: "commit", amountMinor: -500_00, note: "Contoso slips" },
  }),
  [201, 201, 403, 403, 403, 403, 404, 401, 401],
);
row(
  "POST /api/v1/progress/digest/run",
  () => ({ method: POST, url: "/api/v1/progress/digest/run" }),
  [200, 403, 403, 403, 403, 403, 200, 401, 401],
);
// One's own notification preferences: everyone signed in, viewers too.
row(
  "GET /api/v1/me/notification-preferences",
  () => ({ method: GET, url: "/api/v1/me/notification-preferences" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "PUT /api/v1/me/notification-preferences",
  () => ({ method: PUT, url: "/api/v1/me/notification-preferences", body: { weeklyDigest: false } }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);

// Not changes to the organisation's records: signing in and out, asking for a reset email, and
// marking one's own notifications read.
const NOT_CHANGES = new Set([
  "POST /api/v1/auth/sign-in",
  "POST /api/v1/auth/sign-out",
  "POST /api/v1/auth/forgot-password",
  "POST /api/v1/notifications/:id/read",
  "POST /api/v1/notifications/read-all",
  "POST /api/v1/imports/:id/preview",
  "POST /api/v1/tactical-plans/:id/splits/preview",
  "POST /api/v1/funnel/calculate",
]);
async function auditCount(orgId: string): Promise<number> {
  const row = await t.db.k
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org_id", "=", orgId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// CSV imports: admins import anything, managers sales data; a job is its creator's (here the admin's).
const imp = async (w: World, t: TestApp) => importAccessFixtures(t.db, w);
row(
  "GET /api/v1/imports/presets",
  () => ({ method: GET, url: "/api/v1/imports/presets" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
// An empty file: past the permission check it is refused as empty (400), before it a 403.
row(
  "POST /api/v1/imports",
  () => ({ method: POST, url: "/api/v1/imports?entity=deals", body: "" }),
  [400, 400, 400, 403, 403, 403, 400, 401, 401],
);
row(
  "GET /api/v1/imports",
  () => ({ method: GET, url: "/api/v1/imports" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "GET /api/v1/imports/mappings",
  () => ({ method: GET, url: "/api/v1/imports/mappings" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "POST /api/v1/imports/mappings",
  () => ({
    method: POST,
    url: "/api/v1/imports/mappings",
    body: { entity: "deals", name: "Ours", columns: {} },
  }),
  [201, 201, 201, 403, 403, 403, 201, 401, 401],
);
row(
  "PATCH /api/v1/imports/mappings/:id",
  async (w, t) => ({
    method: PATCH,
    url: `/api/v1/imports/mappings/${(await imp(w, t)).mapping}`,
    body: { version: 1, name: "Renamed" },
  }),
  [200, 200, 200, 403, 403, 403, 404, 401, 401],
);
row(
  "DELETE /api/v1/imports/mappings/:id",
  async (w, t) => ({ method: DELETE, url: `/api/v1/imports/mappings/${(await imp(w, t)).mapping}` }),
  [204, 204, 204, 403, 403, 403, 404, 401, 401],
);
row(
  "GET /api/v1/imports/value-maps",
  () => ({ method: GET, url: "/api/v1/imports/value-maps?kind=owner" }),
  [200, 200, 200, 200, 200, 200, 200, 401, 401],
);
row(
  "PUT /api/v1/imports/value-maps",
  () => ({
    method: PUT,
    url: "/api/v1/imports/value-maps",
    body: { kind: "stage", entries: [{ source: "Won it", targetId: null }] },
  }),
  [200, 200, 200, 403, 403, 403, 200, 401, 401],
);
row(
  "GET /api/v1/imports/:id",
  async (w, t) => ({ method: GET, url: `/api/v1/imports/${(await imp(w, t)).job}` }),
  [200, 404, 404, 404, 404, 404, 404, 401, 401],
);
row(
  "POST /api/v1/imports/:id/preview",
  async (w, t) => ({ method: POST, url: `/api/v1/imports/${(await imp(w, t)).job}/preview`, body: {} }),
  [200, 404, 404, 404, 404, 404, 404, 401, 401],
);
row(
  "POST /api/v1/imports/:id/run",
  async (w, t) => ({
    method: POST,
    url: `/api/v1/imports/${(await imp(w, t)).job}/run`,
    body: { dryRun: true },
  }),
  [202, 404, 404, 404, 404, 404, 404, 401, 401],
);
row(
  "POST /api/v1/imports/:id/cancel",
  async (w, t) => ({ method: POST, url: `/api/v1/imports/${(await imp(w, t)).job}/cancel` }),
  [200, 404, 404, 404, 404, 404, 404, 401, 401],
);
row(
  "GET /api/v1/imports/:id/rejects.csv",
  async (w, t) => ({ method: GET, url: `/api/v1/imports/${(await imp(w, t)).job}/rejects.csv` }),
  [200, 404, 404, 404, 404, 404, 404, 401, 401],
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
        const orgOf = actor === "otherAdmin" ? w.otherOrgId : w.orgId;
        const auditBefore = await auditCount(orgOf);
        const res = await w.as[actor].request(call.method, call.url, call.body);
        got[actor] = res.status;
        want[actor] = r.expect[i] ?? -1;
        // Every successful change leaves an audit entry (sign-in and sign-out are not changes).
        if (call.method !== "GET" && res.status < 300 && !NOT_CHANGES.has(r.route)) {
          expect(await auditCount(orgOf), `${r.route} as ${actor} wrote no audit entry`).toBeGreaterThan(
            auditBefore,
          );
        }
      }
      expect(got).toEqual(want);
    });
  }
});

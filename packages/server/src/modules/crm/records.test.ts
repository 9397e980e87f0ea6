// Accounts, contacts and activities: writes, references through the scope, and the checks each
// kind of record has of its own.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildCrmWorld, type CrmWorld } from "../../../test/crm-world";
import { buildWorld, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";

let t: TestApp;
let w: World;
let c: CrmWorld;
beforeEach(async () => {
  t = await testApp();
  w = await buildWorld(t.app, t.db);
  c = await buildCrmWorld(t.db, w);
});
afterEach(async () => t.close());

type Err = { error: { code: string; field?: string } };
type Rec = { id: string; version: number; accountId?: string | null };
const field = (res: { json<T>(): T }) => res.json<Err>().error.field;

describe("accounts", () => {
  it("creates with defaults, filters by tag and refuses a parent cycle", async () => {
    const parent = (
      await w.as.memberA.post("/api/v1/accounts", { name: "Group", tags: ["major", "emea"] })
    ).json<Rec>();
    const child = await w.as.memberA.post("/api/v1/accounts", {
      name: "Subsidiary",
      parentId: parent.id,
      tier: "major",
    });
    expect(child.json()).toMatchObject({
      parentId: parent.id,
      ownerId: w.people.memberA.id,
      teamId: w.teams.a,
      tags: [],
    });
    const cycle = await w.as.memberA.patch(`/api/v1/accounts/${parent.id}`, {
      version: 1,
      parentId: child.json<Rec>().id,
    });
    expect([cycle.status, field(cycle)]).toEqual([400, "parentId"]);
    const self = await w.as.memberA.patch(`/api/v1/accounts/${parent.id}`, {
      version: 1,
      parentId: parent.id,
    });
    expect(field(self)).toBe("parentId");
    const tagged = (await w.as.memberA.get("/api/v1/accounts?tag=major")).json<{ items: Rec[] }>();
    expect(tagged.items.map((a) => a.id)).toEqual([parent.id]);
    const hidden = await w.as.memberA.post("/api/v1/accounts", { name: "Sneaky", parentId: c.accountB });
    expect(field(hidden)).toBe("parentId");
  });

  it("keeps external ids unique per org and names the field", async () => {
    expect((await w.as.memberA.post("/api/v1/accounts", { name: "One", externalId: "SF-1" })).status).toBe(
      201,
    );
    const dup = await w.as.memberB.post("/api/v1/accounts", { name: "Two", externalId: "SF-1" });
    expect([dup.status, field(dup)]).toEqual([400, "externalId"]);
    expect(
      (await w.as.otherAdmin.post("/api/v1/accounts", { name: "Elsewhere", externalId: "SF-1" })).status,
    ).toBe(201);
    const long = await w.as.memberA.post("/api/v1/accounts", { name: "x".repeat(201) });
    expect(field(long)).toBe("name");
    const employees = await w.as.memberA.post("/api/v1/accounts", { name: "Neg", employeeCount: -1 });
    expect(field(employees)).toBe("employeeCount");
  });

  it("bulk updates name the item and version at fault; a stale one rolls back the batch", async () => {
    const res = await w.as.memberA.post("/api/v1/accounts/bulk", {
      create: [{ name: "Bulk new" }],
      update: [{ id: c.accountA, version: 7, name: "Stale" }],
    });
    expect([res.status, res.json<Err>().error.code]).toEqual([409, "conflict"]);
    expect(await t.db.k.selectFrom("accounts").select("id").where("name", "=", "Bulk new").execute()).toEqual(
      [],
    );
    const ok = await w.as.memberA.post("/api/v1/accounts/bulk", {
      update: [{ id: c.accountA, version: 1, region: "APAC" }],
    });
    expect(ok.json()).toMatchObject({
      created: [],
      updated: [{ id: c.accountA, region: "APAC", version: 2 }],
    });
    expect((await w.as.memberA.post("/api/v1/accounts/bulk", {})).status).toBe(400);
  });
});

describe("contacts", () => {
  it("attaches to an account one can see, never to one outside the scope", async () => {
    const ok = await w.as.memberA.post("/api/v1/contacts", {
      name: "Ann",
      accountId: c.accountA,
      email: " Ann@Alpha.Example ",
    });
    expect(ok.json()).toMatchObject({ email: "ann@alpha.example", accountId: c.accountA });
    const no = await w.as.memberA.post("/api/v1/contacts", { name: "Bob", accountId: c.accountB });
    expect([no.status, field(no)]).toEqual([400, "accountId"]);
    const role = await w.as.memberA.post("/api/v1/contacts", { name: "Cy", buyingRole: "boss" });
    expect(field(role)).toBe("buyingRole");
    const strength = await w.as.memberA.post("/api/v1/contacts", { name: "Di", relationshipStrength: 9 });
    expect(field(strength)).toBe("relationshipStrength");
    const listed = (await w.as.managerA.get(`/api/v1/contacts?accountId=${c.accountA}`)).json<{
      items: Rec[];
    }>();
    expect(listed.items).toHaveLength(2);
    expect((await w.as.memberB.get(`/api/v1/contacts/${c.contactA}`)).status).toBe(404);
  });
});

describe("activities", () => {
  it("logs a call in one request, taking the account from the contact", async () => {
    const res = await w.as.memberA.post("/api/v1/activities", {
      type: "call",
      subject: "Follow-up",
      contactId: c.contactA,
    });
    expect(res.status).toBe(201);
    expect(res.json()).toMatchObject({ accountId: c.accountA, status: "done", ownerId: w.people.memberA.id });
    const timeline = (await w.as.memberA.get(`/api/v1/activities?accountId=${c.accountA}`)).json<{
      items: { subject: string }[];
    }>();
    expect(timeline.items.map((a) => a.subject)).toEqual(["Follow-up", "Intro call"]);
    const searched = (await w.as.memberA.get("/api/v1/activities?q=FOLLOW")).json<{ items: unknown[] }>();
    expect(searched.items).toHaveLength(1);
  });

  it("refuses links that disagree or that the caller cannot see", async () => {
    const clash = await w.as.memberA.post("/api/v1/activities", {
      type: "meeting",
      subject: "Mixed up",
      accountId: c.accountA,
      dealId: c.dealB,
    });
    expect([clash.status, field(clash)]).toEqual([400, "dealId"]);
    const admin = await w.as.admin.post("/api/v1/activities", {
      type: "meeting",
      subject: "Mixed up",
      accountId: c.accountB,
      contactId: c.contactA,
    });
    expect(field(admin)).toBe("contactId");
    const when = await w.as.memberA.post("/api/v1/activities", {
      type: "call",
      subject: "x",
      occurredAt: "yesterday",
    });
    expect(field(when)).toBe("occurredAt");
    const type = await w.as.memberA.post("/api/v1/activities", { type: "fax", subject: "x" });
    expect(field(type)).toBe("type");
  });

  it("a member of team B gets 404 for team A's activity; a viewer reads but cannot change it", async () => {
    expect((await w.as.memberB.get(`/api/v1/activities/${c.activityA}`)).status).toBe(404);
    expect((await w.as.viewer.get(`/api/v1/activities/${c.activityA}`)).status).toBe(200);
    expect(
      (await w.as.viewer.patch(`/api/v1/activities/${c.activityA}`, { version: 1, outcome: "x" })).status,
    ).toBe(403);
    expect((await w.as.viewer.post("/api/v1/activities", { type: "call", subject: "x" })).status).toBe(403);
  });
});

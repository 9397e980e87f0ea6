import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";

let t: TestApp;
let w: World;
beforeEach(async () => {
  t = await testApp();
  w = await buildWorld(t.app, t.db);
});
afterEach(async () => t.close());

type Err = { error: { code: string; field?: string; message: string } };
const auditFor = (entityId: string) =>
  t.db.k.selectFrom("audit_log").selectAll().where("entity_id", "=", entityId).orderBy("id").execute();

describe("teams", () => {
  it("creates, renames and moves a team, auditing each change", async () => {
    const created = await w.as.director.post("/api/v1/teams", { name: "Team C", parentId: w.teams.dept });
    expect(created.status).toBe(201);
    const team = created.json<{ id: string; version: number }>();
    const renamed = await w.as.director.patch(`/api/v1/teams/${team.id}`, {
      version: team.version,
      name: "Team Charlie",
    });
    expect(renamed.json()).toMatchObject({ name: "Team Charlie", version: 2 });
    const moved = await w.as.director.patch(`/api/v1/teams/${team.id}`, { version: 2, parentId: w.teams.a });
    expect(moved.json()).toMatchObject({ parentId: w.teams.a, version: 3 });
    const audit = await auditFor(team.id);
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "move"]);
    expect(JSON.parse(audit[2]?.before ?? "{}")).toMatchObject({ parentId: w.teams.dept });
    expect(audit[2]?.actor_id).toBe(w.people.director.id);
  });

  it("a stale write gets 409 and changes nothing", async () => {
    const first = await w.as.admin.patch(`/api/v1/teams/${w.teams.b}`, { version: 1, name: "Team Bravo" });
    expect(first.status).toBe(200);
    const stale = await w.as.admin.patch(`/api/v1/teams/${w.teams.b}`, { version: 1, name: "Team Beta" });
    expect(stale.status).toBe(409);
    expect(stale.json<Err>().error.code).toBe("conflict");
    expect((await w.as.admin.get(`/api/v1/teams/${w.teams.b}`)).json()).toMatchObject({
      name: "Team Bravo",
      version: 2,
    });
  });

  it("refuses a move under its own sub-team, naming the field", async () => {
    const res = await w.as.admin.patch(`/api/v1/teams/${w.teams.dept}`, { version: 1, parentId: w.teams.a });
    expect(res.status).toBe(400);
    expect(res.json<Err>().error.field).toBe("parentId");
  });

  it("archives only an empty team", async () => {
    const busy = await w.as.admin.patch(`/api/v1/teams/${w.teams.b}`, { version: 1, archived: true });
    expect(busy.status).toBe(400);
    expect(busy.json<Err>().error.field).toBe("archived");
    const empty = (
      await w.as.admin.post("/api/v1/teams", { name: "Old team", parentId: w.teams.dept })
    ).json<{ id: string }>();
    expect((await w.as.admin.patch(`/api/v1/teams/${empty.id}`, { version: 1, archived: true })).status).toBe(
      200,
    );
    const listed = (await w.as.memberA.get("/api/v1/teams")).json<{ items: { id: string }[] }>();
    expect(listed.items.map((x) => x.id)).not.toContain(empty.id);
    const all = (await w.as.memberA.get("/api/v1/teams?includeArchived=true")).json<{
      items: { id: string }[];
    }>();
    expect(all.items.map((x) => x.id)).toContain(empty.id);
  });

  it("a manager cannot move their own team or reach outside their subtree", async () => {
    expect(
      (await w.as.managerA.patch(`/api/v1/teams/${w.teams.a}`, { version: 1, name: "Mine" })).status,
    ).toBe(403);
    const sub = (await w.as.managerA.post("/api/v1/teams", { name: "A1", parentId: w.teams.a })).json<{
      id: string;
    }>();
    expect(
      (await w.as.managerA.patch(`/api/v1/teams/${sub.id}`, { version: 1, parentId: w.teams.b })).status,
    ).toBe(403);
  });

  it("rejects hostile input with a 400 naming the field", async () => {
    const long = await w.as.admin.post("/api/v1/teams", { name: "x".repeat(10_000), parentId: null });
    expect(long.status).toBe(400);
    expect(long.json<Err>().error.field).toBe("name");
    const wrongType = await w.as.admin.post("/api/v1/teams", { name: 42 });
    expect(wrongType.json<Err>().error.field).toBe("name");
    const unknownParent = await w.as.admin.post("/api/v1/teams", { name: "Orphan", parentId: "nope" });
    expect(unknownParent.json<Err>().error.field).toBe("parentId");
    const otherOrgParent = await w.as.admin.post("/api/v1/teams", {
      name: "Thief",
      parentId: w.teams.otherRoot,
    });
    expect(otherOrgParent.status).toBe(400);
    const notJson = await w.as.admin.request("POST", "/api/v1/teams", "{not json", {
      "content-type": "application/json",
    });
    expect(notJson.status).toBe(400);
    const huge = await w.as.admin.post("/api/v1/teams", { name: "big", pad: "x".repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(
      await t.db.k.selectFrom("teams").select("id").where("name", "in", ["Orphan", "Thief", "big"]).execute(),
    ).toEqual([]);
  });
});

describe("people", () => {
  it("a member changes their own name but gets 403 on another person's record", async () => {
    const me = (await w.as.memberA.get(`/api/v1/people/${w.people.memberA.id}`)).json<{ version: number }>();
    expect(
      (
        await w.as.memberA.patch(`/api/v1/people/${w.people.memberA.id}`, {
          version: me.version,
          name: "Mia M.",
        })
      ).status,
    ).toBe(200);
    expect(
      (await w.as.memberA.patch(`/api/v1/people/${w.people.memberA.id}`, { version: 2, role: "admin" }))
        .status,
    ).toBe(403);
    expect(
      (await w.as.memberA.patch(`/api/v1/people/${w.people.memberA2.id}`, { version: 1, name: "Hacked" }))
        .status,
    ).toBe(403);
  });

  it("another org's admin gets 404 for this org's people and teams", async () => {
    expect((await w.as.otherAdmin.get(`/api/v1/people/${w.people.memberA.id}`)).status).toBe(404);
    expect(
      (await w.as.otherAdmin.patch(`/api/v1/people/${w.people.memberA.id}`, { version: 1, name: "x" }))
        .status,
    ).toBe(404);
    expect((await w.as.otherAdmin.get(`/api/v1/teams/${w.teams.a}`)).status).toBe(404);
    const list = (await w.as.otherAdmin.get("/api/v1/people?limit=500")).json<{ items: { id: string }[] }>();
    expect(list.items.map((p) => p.id)).toEqual([w.people.otherAdmin.id]);
  });

  it("a team move keeps history: the old membership ends, a new one starts", async () => {
    const res = await w.as.director.patch(`/api/v1/people/${w.people.memberA.id}`, {
      version: 1,
      teamId: w.teams.b,
      teamChangeDate: "2026-03-01",
    });
    expect(res.status).toBe(200);
    const history = (await w.as.memberB.get(`/api/v1/people/${w.people.memberA.id}/memberships`)).json<{
      items: unknown[];
    }>();
    expect(history.items).toEqual([
      expect.objectContaining({ teamId: w.teams.a, startDate: "2024-01-15", endDate: "2026-02-28" }),
      expect.objectContaining({ teamId: w.teams.b, startDate: "2026-03-01", endDate: null }),
    ]);
  });

  it("a manager cannot move someone into a team outside their subtree", async () => {
    const res = await w.as.managerA.patch(`/api/v1/people/${w.people.memberA.id}`, {
      version: 1,
      teamId: w.teams.b,
    });
    expect(res.status).toBe(403);
  });

  it("keeps at least one admin", async () => {
    const res = await w.as.admin.patch(`/api/v1/people/${w.people.admin.id}`, { version: 1, role: "member" });
    expect(res.status).toBe(400);
    expect(res.json<Err>().error.field).toBe("role");
  });

  it("refuses a duplicate email and a bad one, naming the field", async () => {
    const dup = await w.as.admin.post("/api/v1/people", {
      name: "Twin",
      email: w.people.memberB.email,
      teamId: w.teams.a,
    });
    expect(dup.json<Err>().error.field).toBe("email");
    const bad = await w.as.admin.post("/api/v1/people", {
      name: "Bad",
      email: "not-an-email",
      teamId: w.teams.a,
    });
    expect(bad.status).toBe(400);
    expect(bad.json<Err>().error.field).toBe("email");
  });

  it("searches and pages the directory", async () => {
    const first = (await w.as.memberA.get("/api/v1/people?limit=3")).json<{
      items: { name: string }[];
      next: string | null;
    }>();
    expect(first.items).toHaveLength(3);
    expect(first.next).not.toBeNull();
    const second = (await w.as.memberA.get(`/api/v1/people?limit=3&cursor=${first.next}`)).json<{
      items: { name: string }[];
    }>();
    expect(second.items[0]?.name.localeCompare(first.items[2]?.name ?? "")).toBeGreaterThan(0);
    const found = (await w.as.memberA.get("/api/v1/people?q=ben")).json<{ items: { id: string }[] }>();
    expect(found.items.map((p) => p.id)).toEqual([w.people.memberB.id]);
    const wildcard = (await w.as.memberA.get("/api/v1/people?q=%25")).json<{ items: unknown[] }>();
    expect(wildcard.items).toEqual([]);
    expect((await w.as.memberA.get("/api/v1/people?cursor=garbage!")).status).toBe(400);
    expect((await w.as.memberA.get("/api/v1/people?limit=501")).status).toBe(400);
  });
});

describe("organisation settings and audit log", () => {
  it("an admin changes the calendar; the audit log shows before and after", async () => {
    const org = (await w.as.admin.get("/api/v1/org")).json<{ version: number }>();
    const res = await w.as.admin.patch("/api/v1/org", {
      version: org.version,
      fiscalYearStartMonth: 7,
      workingDays: [1, 2, 3, 4],
    });
    expect(res.json()).toMatchObject({ fiscalYearStartMonth: 7, workingDays: [1, 2, 3, 4] });
    const log = (await w.as.admin.get("/api/v1/audit?entity=org")).json<{
      items: { before: { fiscalYearStartMonth: number }; after: { fiscalYearStartMonth: number } }[];
    }>();
    expect(log.items[0]).toMatchObject({
      before: { fiscalYearStartMonth: 1 },
      after: { fiscalYearStartMonth: 7 },
    });
    const badTz = await w.as.admin.patch("/api/v1/org", { version: 2, timeZone: "Mars/Olympus" });
    expect(badTz.json<Err>().error.field).toBe("timeZone");
  });

  it("pages the audit log newest first and never shows another org's entries", async () => {
    for (let i = 0; i < 5; i++)
      await w.as.admin.post("/api/v1/teams", { name: `T${i}`, parentId: w.teams.dept });
    const first = (await w.as.admin.get("/api/v1/audit?limit=2")).json<{
      items: { after: { name: string } }[];
      next: string;
    }>();
    expect(first.items.map((e) => e.after.name)).toEqual(["T4", "T3"]);
    const second = (await w.as.admin.get(`/api/v1/audit?limit=2&cursor=${first.next}`)).json<{
      items: { after: { name: string } }[];
    }>();
    expect(second.items.map((e) => e.after.name)).toEqual(["T2", "T1"]);
    const other = (await w.as.otherAdmin.get("/api/v1/audit")).json<{ items: unknown[] }>();
    expect(other.items).toEqual([]);
  });
});

describe("membership history", () => {
  type M = { teamId: string; startDate: string; endDate: string | null };
  const history = async (id: string) =>
    (await w.as.admin.get(`/api/v1/people/${id}/memberships`)).json<{ items: M[] }>().items;
  const overlaps = (items: M[]) =>
    items.some((a, i) =>
      items.some(
        (b, j) =>
          i !== j && a.startDate <= (b.endDate ?? "9999-12-31") && b.startDate <= (a.endDate ?? "9999-12-31"),
      ),
    );

  it("a planned move, then a leaver and a return, never overlap", async () => {
    const id = w.people.memberB.id;
    let version = 1;
    const patch = async (body: Record<string, unknown>) => {
      const res = await w.as.admin.patch(`/api/v1/people/${id}`, { version, ...body });
      expect(res.status).toBe(200);
      version = res.json<{ version: number }>().version;
    };
    await patch({ teamId: w.teams.a, teamChangeDate: "2099-01-15" });
    expect(overlaps(await history(id))).toBe(false);
    await patch({ active: false });
    const left = await history(id);
    expect(overlaps(left)).toBe(false);
    expect(left.every((m) => m.endDate !== null)).toBe(true);
    await patch({ active: true });
    const back = await history(id);
    expect(overlaps(back)).toBe(false);
    expect(back.filter((m) => m.endDate === null)).toHaveLength(1);
    await patch({ teamId: w.teams.b, teamChangeDate: "2030-06-01" });
    expect(overlaps(await history(id))).toBe(false);
  });
});

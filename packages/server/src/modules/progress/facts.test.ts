// The per-month facts (docs/decisions/011) stay equal to the raw rows through every kind of write:
// the CSV import, API creates, edits that move a deal's amount, stage, owner and close date, a
// person's move to another team, soft deletes and restores, bulk activities and status changes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { importCsv } from "../../../test/import-helpers";
import { ensureStages } from "../crm/stages.service";
import { checkFacts, rebuildFacts } from "./facts";
import { funnelByStage, wonByOwner } from "./dashboard.figures";

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../test/fixtures");
const csv = fs.readFileSync(path.join(FIXTURES, "crm-export.csv"), "utf8");

let t: TestApp;
let w: World;
let dataDir: string;
beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "oars-facts-"));
  t = await testApp({ config: { dataDir } });
  w = await buildWorld(t.app, t.db);
});
afterEach(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const ok = async <T>(p: Promise<{ status: number; body: unknown }>, status = 200): Promise<T> => {
  const r = await p;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body as T;
};

const factCount = async () =>
  Number(
    (
      await sql<{ n: number }>`select count(*) as n from progress_facts where org_id = ${w.orgId}`.execute(
        t.db.k,
      )
    ).rows[0]?.n,
  );

describe("progress facts", () => {
  it("equal the raw rows after imports, edits, team moves, deletes and restores", async () => {
    await importCsv(w.as.admin, "deals", csv);
    expect(await checkFacts(t.db, w.orgId)).toMatchObject({ differences: [] });
    expect(await factCount()).toBeGreaterThan(50);

    const stages = await ensureStages(t.db.k, w.orgId);
    const stage = (kind: string) => stages.find((s) => s.kind === kind)?.id;
    type Deal = { id: string; version: number };
    const deals: Deal[] = [];
    for (let i = 0; i < 6; i++)
      deals.push(
        await ok<Deal>(
          w.as.admin.post("/api/v1/deals", {
            name: `Facts ${i}`,
            amountMinor: 10_000_00 + i,
            stageId: stage(i % 3 === 0 ? "won" : i % 3 === 1 ? "lost" : "open"),
            closeDate: `2026-0${1 + i}-15`,
            createdDate: "2025-12-20",
            ownerId: i % 2 ? w.people.memberA.id : w.people.memberB.id,
            ...(i % 3 === 1 ? { lostReason: "price" } : {}),
          }),
          201,
        ),
      );
    const [a, b, c, d] = deals as [Deal, Deal, Deal, Deal];
    await ok(w.as.admin.patch(`/api/v1/deals/${a.id}`, { version: a.version, amountMinor: 99_000_00 }));
    await ok(
      w.as.admin.patch(`/api/v1/deals/${b.id}`, {
        version: b.version,
        stageId: stage("won"),
        closeDate: "2026-03-31",
      }),
    );
    await ok(
      w.as.admin.patch(`/api/v1/deals/${c.id}`, { version: c.version, ownerId: w.people.memberA2.id }),
    );
    await ok(w.as.admin.delete(`/api/v1/deals/${d.id}`), 204);
    expect(await checkFacts(t.db, w.orgId)).toMatchObject({ differences: [] });
    await ok(w.as.admin.post(`/api/v1/deals/${d.id}/restore`, {}));

    // A person's move carries their open work to the new team.
    const mover = await ok<{ version: number }>(w.as.admin.get(`/api/v1/people/${w.people.memberB.id}`));
    await ok(
      w.as.admin.patch(`/api/v1/people/${w.people.memberB.id}`, {
        version: mover.version,
        teamId: w.teams.a,
      }),
    );

    const acts = await ok<{ created: { id: string; version: number }[] }>(
      w.as.admin.post("/api/v1/activities/bulk", {
        create: Array.from({ length: 12 }, (_, i) => ({
          type: ["call", "meeting", "email"][i % 3],
          subject: `touch ${i}`,
          ownerId: w.people.memberA.id,
          occurredAt: `2026-0${1 + (i % 9)}-0${1 + (i % 9)}T10:00:00Z`,
          status: i % 4 === 0 ? "planned" : "done",
        })),
      }),
    );
    const [x, y, z] = acts.created as [
      { id: string; version: number },
      { id: string; version: number },
      { id: string; version: number },
    ];
    await ok(w.as.admin.patch(`/api/v1/activities/${x.id}`, { version: x.version, status: "done" }));
    await ok(
      w.as.admin.patch(`/api/v1/activities/${y.id}`, {
        version: y.version,
        occurredAt: "2025-07-04T09:00:00Z",
      }),
    );
    await ok(w.as.admin.delete(`/api/v1/activities/${z.id}`), 204);

    expect(await checkFacts(t.db, w.orgId)).toMatchObject({ differences: [] });
    // Re-importing the same file changes nothing, and the facts with it.
    await importCsv(w.as.admin, "deals", csv);
    expect(await checkFacts(t.db, w.orgId)).toMatchObject({ differences: [] });
  });

  it("the check finds a kept row gone wrong, and the rebuild puts it right", async () => {
    await importCsv(w.as.admin, "deals", csv);
    await sql`update progress_facts set amount = amount + 1 where org_id = ${w.orgId} and basis = 'close' and kind = 'won'`.execute(
      t.db.k,
    );
    await sql`insert into progress_facts (org_id, basis, month, team_id, owner_id, kind, category, stage_id, n, amount, weighted, days)
      values (${w.orgId}, 'created', '1999-01', '', ${w.people.memberA.id}, '', '', '', 3, 300, 0, 0)`.execute(
      t.db.k,
    );
    const { differences, rows } = await checkFacts(t.db, w.orgId);
    expect(rows).toBeGreaterThan(50);
    expect(differences.length).toBeGreaterThan(1);
    expect(differences).toContainEqual({
      key: {
        org_id: w.orgId,
        basis: "created",
        month: "1999-01",
        team_id: "",
        owner_id: w.people.memberA.id,
        kind: "",
        category: "",
        stage_id: "",
      },
      kept: { n: 3, amount: 300, weighted: 0, days: 0 },
      raw: { n: 0, amount: 0, weighted: 0, days: 0 },
    });
    for (const diff of differences.filter((x) => x.key.kind === "won"))
      expect(diff.kept.amount - diff.raw.amount).toBe(1);

    // Another org's facts are neither read nor touched.
    const other = await sql<{
      n: number;
    }>`select count(*) as n from progress_facts where org_id <> ${w.orgId}`.execute(t.db.k);
    expect((await rebuildFacts(t.db, w.orgId)).rows).toBe(rows);
    expect(await checkFacts(t.db, w.orgId)).toEqual({ rows, differences: [] });
    const after = await sql<{
      n: number;
    }>`select count(*) as n from progress_facts where org_id <> ${w.orgId}`.execute(t.db.k);
    expect(Number(after.rows[0]?.n)).toBe(Number(other.rows[0]?.n));
  });

  it("give the whole org's funnel and won per person as the raw rows do", async () => {
    await importCsv(w.as.admin, "deals", csv);
    // Every person and team of the org, named: the same records read raw, not from the facts.
    const people = await sql<{ id: string }>`select id from people where org_id = ${w.orgId}`.execute(t.db.k);
    const teams = await sql<{ id: string }>`select id from teams where org_id = ${w.orgId}`.execute(t.db.k);
    const everyone = { ownerIds: people.rows.map((r) => r.id), teamIds: teams.rows.map((r) => r.id) };
    expect(everyone.ownerIds.length + everyone.teamIds.length).toBeLessThan(32);
    const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
    const byOwner = (rows: { owner_id: string; b: number; n: number; s: number }[]) =>
      [...rows].sort((a, b) => a.owner_id.localeCompare(b.owner_id) || a.b - b.b);
    // Windows cut mid-month and whole quarters, so both the facts and the cut days are read.
    for (const period of [
      { from: "2025-01-01", to: "2025-03-31" },
      { from: "2025-02-14", to: "2026-05-09" },
    ]) {
      const kept = await funnelByStage(t.db.k, w.orgId, {}, period);
      expect(kept.size).toBeGreaterThan(0);
      expect(sorted(kept)).toEqual(sorted(await funnelByStage(t.db.k, w.orgId, everyone, period)));
    }
    const edges = ["2025-01-01", "2025-02-01", "2025-03-17", "2025-07-01", "2026-01-09"];
    const kept = await wonByOwner(t.db.k, t.db.engine, w.orgId, {}, edges);
    expect(kept.length).toBeGreaterThan(4);
    expect(byOwner(kept)).toEqual(byOwner(await wonByOwner(t.db.k, t.db.engine, w.orgId, everyone, edges)));
  });
});

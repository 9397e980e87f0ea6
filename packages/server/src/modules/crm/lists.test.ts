// Lists: keyset pages, sorts, search and filters through the scope; CSV export with the same
// filters and formula cells neutralised; the board's per-stage totals.
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

type Item = { id: string; name: string; closeDate: string; amountOrgMinor: number };
type Page = { items: Item[]; next: string | null };

async function all(url: string, as = w.as.managerA): Promise<Item[]> {
  const out: Item[] = [];
  let next: string | null = null;
  do {
    const res = await as.get(`${url}${url.includes("?") ? "&" : "?"}limit=3${next ? `&cursor=${next}` : ""}`);
    expect(res.status).toBe(200);
    const page = res.json<Page>();
    out.push(...page.items);
    next = page.next;
  } while (next);
  return out;
}

describe("deal lists", () => {
  beforeEach(async () => {
    // Ten deals in team A with repeating close dates, so ties on the sort key cross page borders.
    const create = Array.from({ length: 10 }, (_, i) => ({
      name: `Deal ${String(i).padStart(2, "0")}`,
      amountMinor: (i % 4) * 1000,
      closeDate: `2026-0${(i % 3) + 4}-01`,
      ownerId: i % 2 ? w.people.memberA.id : w.people.memberA2.id,
    }));
    expect((await w.as.managerA.post("/api/v1/deals/bulk", { create })).status).toBe(200);
  });

  it("pages by keyset without gaps or repeats, in every sort", async () => {
    const byDate = await all("/api/v1/deals");
    expect(byDate).toHaveLength(12);
    expect(new Set(byDate.map((d) => d.id)).size).toBe(12);
    const keys = byDate.map((d) => `${d.closeDate} ${d.id}`);
    expect(keys).toEqual([...keys].sort());
    const byAmount = await all("/api/v1/deals?sort=amount&dir=desc");
    expect(byAmount.map((d) => d.amountOrgMinor)).toEqual(
      [...byAmount.map((d) => d.amountOrgMinor)].sort((a, b) => b - a),
    );
    expect(new Set(byAmount.map((d) => d.id)).size).toBe(12);
    const byName = await all("/api/v1/deals?sort=name", w.as.admin);
    expect(byName).toHaveLength(13);
    const first = (await w.as.managerA.get("/api/v1/deals?limit=3")).json<Page>();
    const wrongSort = await w.as.managerA.get(`/api/v1/deals?sort=name&cursor=${first.next}`);
    expect(wrongSort.status).toBe(400);
    expect((await w.as.managerA.get("/api/v1/deals?cursor=bm9wZQ")).status).toBe(400);
  });

  it("searches names accent- and case-blind, with % taken literally, and filters", async () => {
    await w.as.memberA.post("/api/v1/deals", {
      name: "Société Générale 100%",
      amountMinor: 5,
      closeDate: "2026-08-01",
    });
    const found = (await w.as.managerA.get("/api/v1/deals?q=SOCIETE%20gen")).json<Page>();
    expect(found.items.map((d) => d.name)).toEqual(["Société Générale 100%"]);
    expect((await w.as.managerA.get("/api/v1/deals?q=100%25")).json<Page>().items).toHaveLength(1);
    expect((await w.as.managerA.get("/api/v1/deals?q=%25%25")).json<Page>().items).toHaveLength(0);
    const window = await all("/api/v1/deals?closeFrom=2026-05-01&closeTo=2026-05-31");
    expect(window.every((d) => d.closeDate === "2026-05-01")).toBe(true);
    expect(window).toHaveLength(3);
    const owner = await all(`/api/v1/deals?ownerId=${w.people.memberA.id}`);
    expect(owner).toHaveLength(7); // five of the ten, the world's deal A and the Société one
    expect(
      (await w.as.memberB.get(`/api/v1/deals?ownerId=${w.people.memberA.id}`)).json<Page>().items,
    ).toEqual([]);
  });

  it("totals the board per stage within the scope", async () => {
    const summary = (await w.as.managerA.get("/api/v1/deals/summary")).json<{
      stages: { stageId: string; count: number; amountOrgMinor: number; weightedOrgMinor: number }[];
    }>();
    expect(summary.stages).toEqual([
      { stageId: c.stages.first, count: 12, amountOrgMinor: 1_013_000, weightedOrgMinor: 101_300 },
    ]);
  });
});

describe("CSV export", () => {
  it("neutralises cells that would run as formulas and keeps the list's filters", async () => {
    for (const name of ['=HYPERLINK("http://x")', "+1+2", "-3", "@SUM(A1)", "Plain, with comma"])
      expect(
        (await w.as.memberA.post("/api/v1/deals", { name, amountMinor: 5, closeDate: "2026-09-09" })).status,
      ).toBe(201);
    const res = await w.as.memberA.request("GET", "/api/v1/deals/export.csv?closeFrom=2026-09-01");
    expect(res.status).toBe(200);
    expect(String(res.headers["content-type"])).toMatch(/text\/csv/);
    const text = String(res.body);
    expect(text.startsWith("\uFEFFId,External ID,Name")).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain(",'+1+2,");
    expect(text).toContain(",'-3,");
    expect(text).toContain(",'@SUM(A1),");
    expect(text).toContain(`,"Plain, with comma",`);
    expect(text).not.toContain("Alpha expansion"); // filtered out by close date
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(6);
    expect((await w.as.memberB.request("GET", "/api/v1/deals/export.csv")).body).not.toContain("Alpha");
    const accounts = String((await w.as.memberA.request("GET", "/api/v1/accounts/export.csv")).body);
    expect(accounts).toContain("Alpha Industries");
    expect(accounts).not.toContain("Beta Logistics");
  });
});

// Lists: keyset pages, sorts, search and filters through the scope; CSV export with the same
// filters and formula cells neutralised; the board's per-stage totals.
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildCrmWorld, type CrmWorld } from "../../../test/crm-world";
import { buildWorld, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { newId } from "../../db/ids";
import { COMMON_MATCHES, namePlan } from "./text";

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

  it("finds names by word prefix from the word index, renamed and deleted rows too", async () => {
    const made = await w.as.memberA.post("/api/v1/deals", {
      name: "Acme.com rollout (phase-2)",
      amountMinor: 5,
      closeDate: "2026-08-01",
    });
    const deal = made.json<{ id: string; version: number }>();
    const names = async (q: string, entity = "deals") =>
      (await w.as.managerA.get(`/api/v1/${entity}?q=${encodeURIComponent(q)}`))
        .json<Page>()
        .items.map((d) => d.name);
    expect(await names("acme")).toEqual(["Acme.com rollout (phase-2)"]);
    expect(await names("ROLL acm")).toEqual(["Acme.com rollout (phase-2)"]);
    expect(await names("phase 2")).toEqual(["Acme.com rollout (phase-2)"]);
    expect(await names("com")).toEqual(["Acme.com rollout (phase-2)"]);
    // Word prefixes, not any substring: "llout" starts no word.
    expect(await names("llout")).toEqual([]);
    expect(await names("deal 03")).toEqual(["Deal 03"]);
    const renamed = await w.as.memberA.patch(`/api/v1/deals/${deal.id}`, {
      version: deal.version,
      name: "Initech renewal",
    });
    expect(renamed.status).toBe(200);
    expect(await names("acme")).toEqual([]);
    expect(await names("initech")).toEqual(["Initech renewal"]);
    expect((await w.as.memberA.delete(`/api/v1/deals/${deal.id}`)).status).toBe(204);
    expect(await names("initech")).toEqual([]);
    // Member B's deal of the same name stays out of team A's search.
    await w.as.memberB.post("/api/v1/deals", {
      name: "Initech other",
      amountMinor: 1,
      closeDate: "2026-08-01",
    });
    expect(await names("initech")).toEqual([]);
    // Accounts and contacts search the same way.
    await w.as.memberA.post("/api/v1/accounts", { name: "Müller & Söhne GmbH" });
    expect(await names("muller soh", "accounts")).toEqual(["Müller & Söhne GmbH"]);
    await w.as.memberA.post("/api/v1/contacts", { name: "Zoë O'Brien" });
    expect(await names("zoe brien", "contacts")).toEqual(["Zoë O'Brien"]);
  });

  it("names each row's owner and account, so a list needs no request per row", async () => {
    type Named = { ownerId: string; ownerName: string | null; accountName?: string | null };
    const rows = await t.db.k
      .selectFrom("people")
      .select(["id", "name"])
      .where("org_id", "=", w.orgId)
      .execute();
    const people = new Map(rows.map((p) => [p.id, p.name]));
    const mia = people.get(w.people.memberA.id);
    const deals = (await w.as.admin.get(`/api/v1/deals?accountId=${c.accountA}`)).json<{ items: Named[] }>();
    expect(deals.items.length).toBeGreaterThan(0);
    for (const d of deals.items) {
      expect(d.accountName).toBe("Alpha Industries");
      expect(d.ownerName).toBe(people.get(d.ownerId));
    }
    const contacts = (await w.as.memberA.get("/api/v1/contacts")).json<{ items: Named[] }>();
    expect(contacts.items[0]).toMatchObject({ accountName: "Alpha Industries", ownerName: mia });
    const activities = (await w.as.memberA.get("/api/v1/activities")).json<{ items: Named[] }>();
    expect(activities.items[0]).toMatchObject({ accountName: "Alpha Industries" });
    const accounts = (await w.as.memberA.get("/api/v1/accounts")).json<{ items: Named[] }>();
    expect(accounts.items.map((a) => a.ownerName)).toContain(mia);
    expect(mia).toBeTruthy();
  });

  it("answers a name search from an index, not a scan of the table", async () => {
    if (t.db.engine === "sqlite") {
      const plan = t.db.sqlite
        ?.prepare(
          "explain query plan select id from deals where org_id = ? and rowid in (select rowid from deals_fts where deals_fts match ?)",
        )
        .all("x", '"acme"*') as { detail: string }[];
      expect(plan.map((p) => p.detail).join(" | ")).toMatch(/VIRTUAL TABLE INDEX/);
    } else {
      const expression = sql.raw(
        "to_tsvector('simple'::regconfig, regexp_replace(name_key, '[!-/:-@\\[-`{-~]+', ' ', 'g'))",
      );
      // A tiny table is cheaper to read whole; with scans made costly the index must serve.
      const text = await t.db.k.transaction().execute(async (tx) => {
        await sql`set local enable_seqscan = off`.execute(tx);
        const plan = await sql<{
          "QUERY PLAN": string;
        }>`explain select id from deals where ${expression} @@ to_tsquery('simple', 'acme:*')`.execute(tx);
        return plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
      });
      expect(text).toMatch(/deals_name_words/);
    }
  });

  it("finds a common word by the ordered scan and a rare one from the index, same rows in order", async () => {
    // More deals share "harbour" than COMMON_MATCHES: that search walks the date index and tests
    // each row; "harbour pilot 11" has a few matches, read first. Both page the same way.
    const base = await t.db.k
      .selectFrom("deals")
      .selectAll()
      .where("id", "=", c.dealA)
      .executeTakeFirstOrThrow();
    const kinds = ["pilot", "renewal", "rollout"];
    const made = Array.from({ length: COMMON_MATCHES + 200 }, (_, i) => {
      const name = `Harbour ${kinds[i % 3]} ${i}`;
      return {
        ...base,
        id: newId(),
        name,
        name_key: name.toLowerCase(),
        close_date: `2026-0${1 + (i % 9)}-1${i % 7}`,
      };
    });
    for (let i = 0; i < made.length; i += 200)
      await t.db.k
        .insertInto("deals")
        .values(made.slice(i, i + 200))
        .execute();
    if (t.db.engine === "sqlite") {
      expect((await namePlan(t.db, "deals", "harb")).source).toBeNull();
      expect((await namePlan(t.db, "deals", "harbour pilot 11")).source).not.toBeNull();
    }
    const order = (rows: typeof made, dir: 1 | -1) =>
      [...rows]
        .sort((a, b) => dir * (a.close_date.localeCompare(b.close_date) || (a.id < b.id ? -1 : 1)))
        .map((d) => d.id);
    const pages = async (query: string, limit: number) => {
      const ids: string[] = [];
      let next: string | null = null;
      do {
        const res = await w.as.managerA.get(
          `/api/v1/deals?${query}&limit=${limit}${next ? `&cursor=${next}` : ""}`,
        );
        expect(res.status).toBe(200);
        const page = res.json<Page>();
        ids.push(...page.items.map((d) => d.id));
        next = page.next;
      } while (next);
      return ids;
    };
    expect(await pages("q=harb", 50)).toEqual(order(made, 1));
    expect(await pages("q=HARB&dir=desc", 50)).toEqual(order(made, -1));
    const rare = made.filter((d) => /^harbour pilot 11/.test(d.name_key));
    expect(rare.length).toBeGreaterThan(3);
    expect(await pages(`q=${encodeURIComponent("harbour pilot 11")}`, 3)).toEqual(order(rare, 1));
    expect(await pages(`q=${encodeURIComponent("pilot harb 11")}&dir=desc`, 3)).toEqual(order(rare, -1));
    // The common word within another filter: the ordered scan still stops at the right rows.
    const may = made.filter((d) => d.close_date.startsWith("2026-05"));
    expect(await pages("q=harb&closeFrom=2026-05-01&closeTo=2026-05-31", 7)).toEqual(order(may, 1));
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

// The demo's sales history looks like a real team's: believable win rate, seasonality, cycle
// lengths, a new hire's ramp, activity volumes — and the same "today" gives the same history.
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../../../test/harness";
import { seedDemo } from "./demo.seed";

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ isolated: true });
});
afterEach(async () => t.close());

const TODAY = "2026-11-27";

async function facts(orgId: string) {
  const k = t.db.k;
  const deals = await k.selectFrom("deals").selectAll().where("org_id", "=", orgId).execute();
  const history = await k
    .selectFrom("deal_stage_history")
    .select(["deal_id", "to_stage_id", "changed_at"])
    .where("org_id", "=", orgId)
    .orderBy("deal_id")
    .orderBy("changed_at")
    .execute();
  const activities = await k
    .selectFrom("activities")
    .select(["owner_id", "status", "type", sql<string>`substr(occurred_at, 1, 10)`.as("day")])
    .where("org_id", "=", orgId)
    .execute();
  return { deals, history, activities };
}

describe("demo sales history", () => {
  it("spans two years with believable conversion, seasonality and a new hire's ramp", async () => {
    const demo = await seedDemo({ db: t.db, config: t.config, mailer: null }, { today: TODAY });
    const { deals, history, activities } = await facts(demo.orgId);
    expect(deals.length).toBeGreaterThan(1000);
    const closed = deals.filter((d) => d.status !== "open");
    const winRate = closed.filter((d) => d.status === "won").length / closed.length;
    expect(winRate).toBeGreaterThan(0.15);
    expect(winRate).toBeLessThan(0.4);
    expect(deals.some((d) => d.status === "open" && d.close_date > TODAY)).toBe(true);
    expect(deals.every((d) => d.created_date >= "2024-11-27" && d.created_date <= TODAY)).toBe(true);
    // Every deal's history ends where the deal is.
    const last = new Map(history.map((h) => [h.deal_id, h.to_stage_id]));
    expect(deals.every((d) => last.get(d.id) === d.stage_id)).toBe(true);
    // The year-end push: more won in Q4 than in the summer quarter of the last full year.
    const wonIn = (months: string[]) =>
      closed.filter(
        (d) =>
          d.status === "won" && d.close_date.startsWith("2025-") && months.includes(d.close_date.slice(5, 7)),
      ).length;
    expect(wonIn(["10", "11", "12"])).toBeGreaterThan(wonIn(["07", "08", "09"]));
    // Nina was hired 60 days ago: nothing of hers before, and fewer deals than a seasoned rep.
    const people = await t.db.k
      .selectFrom("people")
      .select(["id", "email", "hire_date"])
      .where("org_id", "=", demo.orgId)
      .execute();
    const nina = people.find((p) => p.email.startsWith("nina@"));
    const omar = people.find((p) => p.email.startsWith("omar@"));
    const ninas = deals.filter((d) => d.owner_id === nina?.id);
    expect(ninas.every((d) => d.created_date >= (nina?.hire_date ?? ""))).toBe(true);
    expect(ninas.length).toBeLessThan(deals.filter((d) => d.owner_id === omar?.id).length / 5);
    // Activities: a few a working day per rep, planned ahead and done behind.
    const omarDone = activities.filter(
      (a) => a.owner_id === omar?.id && a.status === "done" && a.day >= "2026-01-01" && a.day < "2026-07-01",
    );
    expect(omarDone.length / 125).toBeGreaterThan(2.5);
    expect(omarDone.length / 125).toBeLessThan(8);
    expect(activities.some((a) => a.status === "planned" && a.day > TODAY)).toBe(true);
    expect(activities.every((a) => a.status !== "planned" || a.day > TODAY)).toBe(true);
  });

  it("gives the same history for the same today", async () => {
    const first = await seedDemo({ db: t.db, config: t.config, mailer: null }, { today: TODAY });
    const a = await facts(first.orgId);
    await t.db.k
      .updateTable("people")
      .set({ email: sql`email || '.old'` })
      .where("org_id", "=", first.orgId)
      .execute();
    const second = await seedDemo({ db: t.db, config: t.config, mailer: null }, { today: TODAY });
    const b = await facts(second.orgId);
    const shape = (f: typeof a) =>
      f.deals.map((d) => [d.name, d.amount_minor, d.status, d.close_date]).sort();
    expect(shape(b)).toEqual(shape(a));
    expect(b.activities.length).toBe(a.activities.length);
  });
});

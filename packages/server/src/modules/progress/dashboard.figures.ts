// The director's whole-org reads beside the objectives' figures: the funnel by stage and won
// revenue per person (the leaderboard, the heatmap). For the whole org they read the kept month
// facts (docs/decisions/011) like the grouped figures do.
import { monthCover } from "@oars/core";
import type { Engine } from "../../db/database";
import type { Q } from "../../db/tx";
import { dealBase, nextDay, type MetricScope, type MetricWindow } from "./metrics";
import { familyRows, inScope, wholeOrg } from "./metrics-grouped";

/**
 * The funnel's deals and amount per stage: open deals (any close date) and the deals won or lost
 * in [from, to]. For the whole org, open deals and whole months come from the kept facts.
 */
export async function funnelByStage(
  q: Q,
  orgId: string,
  scope: MetricScope,
  period: MetricWindow,
): Promise<Map<string, { n: number; s: number }>> {
  const out = new Map<string, { n: number; s: number }>();
  const add = (rows: { stage_id: string; n: unknown; s: unknown }[]) => {
    for (const r of rows) {
      const f = out.get(r.stage_id) ?? { n: 0, s: 0 };
      out.set(r.stage_id, { n: f.n + Number(r.n ?? 0), s: f.s + Number(r.s ?? 0) });
    }
  };
  // Two index reads on the raw rows (migration 20261127_0042), not one `open or closed` scan.
  const raw = (where: { open: true } | { from: string; to: string }) =>
    dealBase(q, { orgId, scope })
      .where((eb) =>
        "open" in where
          ? eb("d.status", "=", "open")
          : eb.and([
              eb("d.status", "in", ["won", "lost"]),
              eb("d.close_date", ">=", where.from),
              eb("d.close_date", "<", where.to),
            ]),
      )
      .select((eb) => [
        "d.stage_id",
        eb.fn.countAll<number>().as("n"),
        eb.fn.sum<number>("d.amount_org_minor").as("s"),
      ])
      .groupBy("d.stage_id")
      .execute();
  const end = nextDay(period.to);
  if (!wholeOrg(scope)) {
    add(await raw({ open: true }));
    add(await raw({ from: period.from, to: end }));
    return out;
  }
  const facts = (kinds: string[], months?: string[]) => {
    let qb = q
      .selectFrom("progress_facts as f")
      .where("f.org_id", "=", orgId)
      .where("f.basis", "=", "close")
      .where("f.kind", "in", kinds);
    if (months) qb = qb.where("f.month", "in", months);
    return qb
      .select((eb) => ["f.stage_id", eb.fn.sum<number>("f.n").as("n"), eb.fn.sum<number>("f.amount").as("s")])
      .groupBy("f.stage_id")
      .execute();
  };
  add(await facts(["open"]));
  const { months, leftovers } = monthCover([period.from, end]);
  if (months.length > 0)
    add(
      await facts(
        ["won", "lost"],
        months.map((m) => m.month),
      ),
    );
  for (const r of leftovers) add(await raw(r));
  return out;
}

/**
 * Revenue and deals won per owner in each bucket cut at `edges` (the leaderboard's period, the
 * heatmap's months), for a scope; for the whole org, whole months from the kept facts.
 */
export async function wonByOwner(
  q: Q,
  engine: Engine,
  orgId: string,
  scope: MetricScope,
  edges: readonly string[],
): Promise<{ owner_id: string; b: number; n: number; s: number }[]> {
  const { rows } = await familyRows(q, engine, orgId, "won", undefined, scope, edges, ["won_n", "won_sum"]);
  const counts = inScope(scope);
  const sums = new Map<string, { owner_id: string; b: number; n: number; s: number }>();
  for (const r of rows) {
    if (!counts(r.team_id, r.owner_id)) continue;
    const key = `${r.owner_id}|${r.b}`;
    const x = sums.get(key) ?? { owner_id: r.owner_id, b: Number(r.b), n: 0, s: 0 };
    x.n += Number(r.won_n ?? 0);
    x.s += Number(r.won_sum ?? 0);
    sums.set(key, x);
  }
  return [...sums.values()];
}

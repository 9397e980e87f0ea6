// Deal lists (the hot query: a rep's or a team's deals by close date, first 50) and the board's
// per-stage totals, both through the caller's scope.
import type { Deal, DealQuery, Page } from "@oars/core";
import { sql, type RawBuilder } from "kysely";
import type { SignedInCtx } from "../../http/context";
import { listScope } from "../../policies/crm.policy";
import { loadScope } from "../../policies/scope";
import { presentDeal } from "./crm.present";
import { orgFacts } from "./org-facts";
import { cmp, eq, listOwned } from "./owned-list";
import { nameSearch } from "./text";

const SORTS = {
  closeDate: "close_date",
  amount: "amount_org_minor",
  name: "name_key",
  createdAt: "created_at",
  updatedAt: "updated_at",
};

type DealFilters = Omit<DealQuery, "limit" | "cursor" | "sort" | "dir">;

function dealConditions(query: DealFilters): RawBuilder<boolean>[] {
  const conds = [];
  if (query.accountId) conds.push(eq("account_id", query.accountId));
  if (query.stageId) conds.push(eq("stage_id", query.stageId));
  if (query.status) conds.push(eq("status", query.status));
  if (query.forecastCategory) conds.push(eq("forecast_category", query.forecastCategory));
  if (query.businessType) conds.push(eq("business_type", query.businessType));
  if (query.closeFrom) conds.push(cmp("close_date", ">=", query.closeFrom));
  if (query.closeTo) conds.push(cmp("close_date", "<=", query.closeTo));
  return conds;
}

export async function listDeals(ctx: SignedInCtx, query: DealQuery): Promise<Page<Deal>> {
  return listOwned(ctx, "deals", query, SORTS, dealConditions(query), presentDeal);
}

/** Count, amount and weighted amount per stage, within the list's filters. */
export async function dealSummary(ctx: SignedInCtx, query: DealFilters) {
  const scope = listScope(await loadScope(ctx.db.k, ctx.actor));
  let q = ctx.db.k
    .selectFrom("deals")
    .select([
      "stage_id",
      sql<number>`count(*)`.as("count"),
      sql<number>`coalesce(sum(amount_org_minor), 0)`.as("amount"),
      sql<number>`coalesce(sum(amount_org_minor * probability), 0)`.as("weighted"),
    ])
    .where("org_id", "=", ctx.actor.orgId)
    .where("deleted_at", "is", null);
  for (const c of dealConditions(query)) q = q.where(c);
  if (query.q) q = q.where(nameSearch(ctx.db.engine, "deals", query.q));
  if (query.ownerId) q = q.where("owner_id", "=", query.ownerId);
  if (query.mine) q = q.where("owner_id", "=", ctx.actor.personId);
  if (query.teamId) q = q.where("team_id", "=", query.teamId);
  if (scope) {
    const teams = scope.teams;
    q = q.where((eb) =>
      teams.length
        ? eb.or([eb("team_id", "in", teams), eb("owner_id", "=", scope.ownerId)])
        : eb("owner_id", "=", scope.ownerId),
    );
  }
  const rows = await q.groupBy("stage_id").execute();
  const org = await orgFacts(ctx.db.k, ctx.actor.orgId);
  return {
    currency: org.currency,
    stages: rows.map((r) => ({
      stageId: r.stage_id,
      count: Number(r.count),
      amountOrgMinor: Number(r.amount),
      weightedOrgMinor: Math.round(Number(r.weighted) / 100),
    })),
  };
}

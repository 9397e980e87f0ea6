// The deal history the funnel learns from, read-only from the sales data: deals of an owner's scope
// closed (or opened) in a window, with the stages each entered. Imported deals without stage
// history count by their final outcome (learnFunnelRates handles that).
import { addDays, learnFunnelRates, subtreeIds, type DealHistory, type LearnedFunnelRates } from "@oars/core";
import type { Q } from "../../db/tx";
import "../crm/crm.schema";
import { chunked, group } from "./actions.repo";

export interface HistoryScope {
  ownerType: "person" | "team";
  ownerId: string;
}

async function teamSubtree(q: Q, orgId: string, teamId: string): Promise<string[]> {
  const teams = await q.selectFrom("teams").select(["id", "parent_id"]).where("org_id", "=", orgId).execute();
  return [
    ...subtreeIds(
      teams.map((t) => ({ id: t.id, parentId: t.parent_id })),
      teamId,
    ),
  ];
}

export async function dealHistory(
  q: Q,
  orgId: string,
  scope: HistoryScope,
  window: { from: string; to: string },
): Promise<DealHistory[]> {
  let deals = q
    .selectFrom("deals")
    .select(["id", "owner_id", "team_id", "status", "created_date", "close_date", "amount_org_minor"])
    .where("org_id", "=", orgId)
    .where("deleted_at", "is", null)
    .where((eb) =>
      eb.or([
        eb.and([
          eb("status", "!=", "open"),
          eb("close_date", ">=", window.from),
          eb("close_date", "<=", window.to),
        ]),
        eb.and([
          eb("status", "=", "open"),
          eb("created_date", ">=", window.from),
          eb("created_date", "<=", window.to),
        ]),
      ]),
    );
  if (scope.ownerType === "person") deals = deals.where("owner_id", "=", scope.ownerId);
  else {
    const teams = await teamSubtree(q, orgId, scope.ownerId);
    if (teams.length === 0) return [];
    deals = deals.where("team_id", "in", teams);
  }
  const rows = await deals.execute();
  const changes = await chunked(
    rows.map((r) => r.id),
    (part) =>
      q
        .selectFrom("deal_stage_history as h")
        .innerJoin("pipeline_stages as s", "s.id", "h.to_stage_id")
        .select(["h.deal_id", "s.name", "h.changed_at"])
        .where("h.deal_id", "in", part)
        .execute(),
  );
  const byDeal = group(changes, (c) => c.deal_id);
  return rows.map((r) => ({
    dealId: r.id,
    ownerId: r.owner_id,
    teamId: r.team_id,
    stageChanges: (byDeal.get(r.id) ?? []).map((c) => ({ stage: c.name, at: c.changed_at })),
    outcome: r.status,
    createdAt: r.created_date,
    closedAt: r.status === "open" ? null : r.close_date,
    amountMinor: Math.max(0, Math.round(Number(r.amount_org_minor))),
  }));
}

/** A person's figures, their team's as the fallback; a team's own figures. */
export async function learnedFor(
  q: Q,
  orgId: string,
  scope: HistoryScope,
  stages: readonly string[],
  window: { from: string; to: string },
): Promise<{ own: LearnedFunnelRates; team: LearnedFunnelRates | null }> {
  const w = { start: window.from, end: window.to };
  const own = learnFunnelRates(await dealHistory(q, orgId, scope, window), stages, w);
  if (scope.ownerType === "team") return { own, team: null };
  const person = await q
    .selectFrom("people")
    .select("team_id")
    .where("org_id", "=", orgId)
    .where("id", "=", scope.ownerId)
    .executeTakeFirst();
  if (!person?.team_id) return { own, team: null };
  const team = learnFunnelRates(
    await dealHistory(q, orgId, { ownerType: "team", ownerId: person.team_id }, window),
    stages,
    w,
  );
  return { own, team };
}

/** A year back from `to`, the default learning window. */
export const lastYear = (to: string) => ({ from: addDays(to, -365), to });

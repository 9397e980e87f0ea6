// Deals from CSV — the million-row path. Per batch: a few IN queries resolve accounts and existing
// deals; stages, owners, rates and team memberships come from memory; new deals go in multi-row
// inserts with their first stage-history entry; existing ones change only where the file differs.
import type { DealForecastCategory } from "@oars/core";
import { newId } from "../../../../db/ids";
import type { Q } from "../../../../db/tx";
import type { AccountsTable, DealStageHistoryTable, DealsTable } from "../../crm.schema";
import { convertMinor, rateOn } from "../../money";
import { teamOnDate } from "../../ownership";
import { nameKey } from "../../text";
import { resolveStage, type ImportCtx } from "../context";
import { matchExisting, writableProblem } from "../match";
import { RowReader } from "../row-reader";
import { BUSINESS, DEAL_STATUS, FORECAST } from "../synonyms";
import {
  changes,
  done,
  firstSeen,
  rejected,
  sendInserts,
  updateRow,
  type RowResult,
  type SourceRow,
} from "../upsert";
import { ownerFields } from "./owner";
import { resolveRefs } from "./refs";

type Fields = Partial<DealsTable>;

function parse(ic: ImportCtx, src: SourceRow) {
  const r = new RowReader(src.values, ic.options);
  const f: Fields = {};
  const name = r.text("name", { max: 200 });
  if (name) Object.assign(f, { name, name_key: nameKey(name) });
  const currency = r.currency("currency");
  const amount = r.money("amount", currency ?? ic.org.currency, false);
  if (amount) Object.assign(f, { amount_minor: amount.minor, currency: amount.currency });
  else if (currency) f.currency = currency;
  const status = r.oneOf("status", DEAL_STATUS, "deal status");
  if (r.has("stage") || r.has("status")) {
    const stage = resolveStage(ic, r.raw("stage"), status);
    if ("problem" in stage) r.fail(r.has("stage") ? "stage" : "status", stage.problem);
    else Object.assign(f, { stage_id: stage.ok.id, status: stage.ok.kind });
  }
  const expected = r.date("closeDate");
  const closed = r.date("closedDate");
  const close = f.status && f.status !== "open" ? (closed ?? expected) : (expected ?? closed);
  if (close) f.close_date = close;
  if (r.has("createdDate")) f.created_date = r.date("createdDate") ?? undefined;
  if (r.has("probability")) f.probability = r.percent("probability") ?? undefined;
  if (r.has("forecastCategory"))
    f.forecast_category = r.oneOf("forecastCategory", FORECAST, "forecast category") ?? undefined;
  if (r.has("lostReason")) f.lost_reason = r.text("lostReason");
  if (r.has("businessType"))
    f.business_type = r.oneOf("businessType", BUSINESS, "business type") ?? undefined;
  const owner = ownerFields(ic, r);
  if (r.has("owner") && owner) f.owner_id = owner.owner_id;
  return {
    src,
    r,
    f,
    owner,
    id: r.raw("id") ?? null,
    externalId: r.text("externalId"),
    account: r.raw("account"),
  };
}

/** The stage's probability and forecast category unless the file gives its own; closed is closed. */
function stageDefaults(ic: ImportCtx, merged: DealsTable, f: Fields, stageChanged: boolean): Fields {
  const stage = ic.stages.find((s) => s.id === merged.stage_id);
  if (!stage) return {};
  const open = stage.kind === "open";
  const category: DealForecastCategory = open
    ? (f.forecast_category ?? (stageChanged ? stage.forecast_category : merged.forecast_category))
    : "closed";
  return {
    status: stage.kind,
    probability: open
      ? (f.probability ?? (stageChanged ? stage.probability : merged.probability))
      : stage.probability,
    forecast_category: open && category === "closed" ? stage.forecast_category : category,
    lost_reason: stage.kind === "lost" ? merged.lost_reason : null,
  };
}

/** Amount in the org's currency and the credited team, from the merged row. */
function derived(ic: ImportCtx, d: DealsTable): { problem: string } | Fields {
  let amountOrg = d.amount_minor;
  if (d.currency !== ic.org.currency) {
    const rate = rateOn(ic.rates, d.currency, d.close_date);
    if (rate === null) return { problem: `no exchange rate from ${d.currency} to ${ic.org.currency}` };
    amountOrg = convertMinor(d.amount_minor, d.currency, ic.org.currency, rate);
  }
  const current = ic.people.byId.get(d.owner_id)?.teamId ?? null;
  const team =
    d.status === "open" ? current : teamOnDate(ic.memberships.get(d.owner_id), d.close_date, current);
  return { amount_org_minor: amountOrg, team_id: team };
}

export async function applyDeals(
  q: Q,
  ic: ImportCtx,
  rows: SourceRow[],
  write: boolean,
): Promise<RowResult[]> {
  const parsed = rows.map((src) => parse(ic, src));
  const accounts = await resolveRefs(
    q,
    ic,
    "accounts",
    parsed.flatMap((p) => (p.account ? [p.account] : [])),
  );
  const keys = parsed.map((p) =>
    p.r.problems.length ? null : { id: p.id, externalId: p.externalId, natural: null },
  );
  const matches = await matchExisting(q, ic, "deals", keys, null);
  const unique = firstSeen();
  const newAccounts = new Map<string, AccountsTable>();
  const results: RowResult[] = [];
  const inserts: DealsTable[] = [];
  const history: DealStageHistoryTable[] = [];
  const now = new Date().toISOString();
  for (const [i, p] of parsed.entries()) {
    const m = matches[i];
    if (p.account !== undefined) {
      const a = accounts(p.account);
      if (a === "ambiguous")
        p.r.fail("account", `several accounts are named "${p.account}"; use its external id`);
      else if (a) p.f.account_id = a.id;
      else if (ic.options.createMissingAccounts && p.owner) {
        const key = nameKey(p.account);
        const made = newAccounts.get(key) ?? newAccount(ic, p.account, p.owner, now);
        newAccounts.set(key, made);
        p.f.account_id = made.id;
      } else
        p.r.fail(
          "account",
          `unknown account "${p.account}" (import accounts first, or allow creating missing ones)`,
        );
    }
    if (p.r.problems.length) {
      results.push(rejected(p.src, p.r.problems));
      continue;
    }
    if (!unique(p.id ?? p.externalId)) {
      results.push(
        rejected(p.src, [
          { field: "externalId", message: "repeats the deal of an earlier row of this batch" },
        ]),
      );
      continue;
    }
    if (m && "problem" in m) {
      results.push(rejected(p.src, [{ field: m.field, message: m.problem }]));
      continue;
    }
    if (m) {
      const refused = writableProblem(ic, m.row);
      if (refused) {
        results.push(rejected(p.src, [{ field: null, message: refused }]));
        continue;
      }
      const stageChanged = p.f.stage_id !== undefined && p.f.stage_id !== m.row.stage_id;
      const merged = { ...m.row, ...defined(p.f), external_id: p.externalId ?? m.row.external_id };
      Object.assign(merged, stageDefaults(ic, merged, p.f, stageChanged));
      const more = derived(ic, merged);
      if ("problem" in more) {
        results.push(rejected(p.src, [{ field: "currency", message: more.problem }]));
        continue;
      }
      const set = changes(m.row, { ...merged, ...more });
      delete set.updated_at;
      if (stageChanged) {
        set.stage_changed_at = now;
        history.push(stageEntry(ic, m.row.id, m.row.stage_id, merged.stage_id, now));
      }
      if (write && Object.keys(set).length) await updateRow(q, "deals", m.row.id, set);
      results.push(done(p.src, Object.keys(set).length ? "update" : "unchanged"));
      continue;
    }
    const missing = (["name", "amount_minor", "close_date"] as const).find((k) => p.f[k] === undefined);
    if (missing || !p.owner) {
      const field =
        missing === "amount_minor" ? "amount" : missing === "close_date" ? "closeDate" : (missing ?? "owner");
      results.push(rejected(p.src, [{ field, message: `is required to create a deal` }]));
      continue;
    }
    const stage = resolveStage(ic, undefined, null);
    const row = {
      id: newId(),
      org_id: ic.org.id,
      account_id: null,
      name: "",
      name_key: "",
      amount_minor: 0,
      currency: ic.org.currency,
      amount_org_minor: 0,
      stage_id: "ok" in stage ? stage.ok.id : "",
      status: "open",
      probability: 0,
      forecast_category: "pipeline",
      close_date: "",
      created_date: ic.today,
      lost_reason: null,
      business_type: "new",
      stage_changed_at: now,
      owner_id: p.owner.owner_id,
      team_id: p.owner.team_id,
      external_id: p.externalId,
      deleted_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
      ...defined(p.f),
    } satisfies DealsTable as DealsTable;
    Object.assign(row, stageDefaults(ic, row, p.f, true));
    const more = derived(ic, row);
    if ("problem" in more) {
      results.push(rejected(p.src, [{ field: "currency", message: more.problem }]));
      continue;
    }
    Object.assign(row, more);
    // A deal enters its stage when it was created, or, already closed, on the day it closed.
    row.stage_changed_at = `${row.status === "open" ? row.created_date : row.close_date}T00:00:00.000Z`;
    inserts.push(row);
    history.push(stageEntry(ic, row.id, null, row.stage_id, row.stage_changed_at));
    results.push(done(p.src, "create"));
  }
  // Sent, not awaited: PostgreSQL writes this chunk while the next one is parsed (upsert.ts).
  if (write)
    await sendInserts(
      q,
      [
        ["accounts", [...newAccounts.values()]],
        ["deals", inserts],
        ["deal_stage_history", history],
      ],
      ic.raw,
    );
  return results;
}

function defined<T extends object>(f: T): T {
  const out: Record<string, unknown> = {};
  for (const k in f) if (f[k] !== undefined) out[k] = f[k];
  return out as T;
}

function stageEntry(
  ic: ImportCtx,
  dealId: string,
  from: string | null,
  to: string,
  at: string,
): DealStageHistoryTable {
  return {
    id: newId(),
    org_id: ic.org.id,
    deal_id: dealId,
    from_stage_id: from,
    to_stage_id: to,
    changed_at: at,
    changed_by: ic.ctx.actor.personId,
  };
}

function newAccount(
  ic: ImportCtx,
  name: string,
  owner: { owner_id: string; team_id: string | null },
  now: string,
): AccountsTable {
  return {
    id: newId(),
    org_id: ic.org.id,
    name,
    name_key: nameKey(name),
    industry: null,
    segment: null,
    employee_count: null,
    annual_revenue_minor: null,
    region: null,
    tier: null,
    website: null,
    parent_id: null,
    tags: "[]",
    ...owner,
    external_id: null,
    deleted_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

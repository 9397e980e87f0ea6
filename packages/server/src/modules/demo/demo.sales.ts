// Two years of the demo organisation's sales history, deterministic for a given "today": accounts
// across industries and regions, contacts, deals moving through the default pipeline with
// believable conversion (about one deal in four won), seasonality (a Q4 push, a summer lull),
// cycle lengths by segment, a new hire's ramp, and activities in believable volumes per rep.
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import { addDaysIso } from "../../lib/dates";
import type {
  AccountsTable,
  ActivitiesTable,
  ContactsTable,
  DealProductsTable,
  DealStageHistoryTable,
  DealsTable,
} from "../crm/crm.schema";
import { insertMany } from "../crm/import/upsert";
import { ensureStages } from "../crm/stages.service";
import { nameKey } from "../crm/text";
import { activitiesFor } from "./demo.activities";
import { daysBetween, makeDeal, SEGMENTS, type Segment } from "./demo.deals";
import {
  companyName,
  INDUSTRIES,
  personName,
  PRODUCTS,
  random,
  REGIONS,
  TITLES,
  type Random,
} from "./demo.sales-data";

export interface Rep {
  id: string;
  teamId: string | null;
  region: string;
  hireDate: string;
  major: boolean;
}

/** New deals per week by calendar month: a summer lull and a push before the year closes. */
const SEASON = [0.9, 0.95, 1.1, 1.0, 1.0, 0.95, 0.75, 0.7, 1.05, 1.15, 1.25, 0.9];

export async function seedDemoSales(q: Q, orgId: string, today: string): Promise<void> {
  const r = random(20_24_11_27);
  const start = addDaysIso(today, -730);
  const stages = await ensureStages(q, orgId);
  const reps = await loadReps(q, orgId);
  const now = new Date().toISOString();
  const stamp = (at: string) => ({
    version: 1,
    created_at: at,
    updated_at: at,
    deleted_at: null,
    external_id: null,
  });
  const products = PRODUCTS.map((p) => ({
    id: newId(),
    org_id: orgId,
    name: p.name,
    name_key: nameKey(p.name),
    family: p.family,
    list_price_minor: p.price,
    currency: "USD",
    external_id: null,
    archived_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  }));
  await insertMany(q, "products", products);

  const taken = new Set<string>();
  const accounts: AccountsTable[] = [];
  const contacts: ContactsTable[] = [];
  const deals: DealsTable[] = [];
  const lines: DealProductsTable[] = [];
  const history: DealStageHistoryTable[] = [];
  const activities: ActivitiesTable[] = [];
  for (const rep of reps) {
    const since = rep.hireDate > start ? rep.hireDate : start;
    const mine: { account: AccountsTable; seg: Segment; contacts: ContactsTable[] }[] = [];
    for (let i = 0; i < (rep.major ? 18 : 32); i++) {
      const seg = rep.major ? (SEGMENTS[2] as Segment) : pickSegment(r);
      const name = companyName(r, taken);
      const account: AccountsTable = {
        id: newId(),
        org_id: orgId,
        name,
        name_key: nameKey(name),
        industry: r.pick(INDUSTRIES),
        segment: seg.segment,
        employee_count: r.int(seg.employees[0], seg.employees[1]),
        annual_revenue_minor: r.int(seg.employees[0], seg.employees[1]) * 15_000_000,
        region: r.pick(REGIONS[rep.region] ?? ["USA"]),
        tier: rep.major ? "major" : seg.segment === "Enterprise" ? "key" : null,
        website: `https://www.${nameKey(name).replace(/[^a-z]+/g, "")}.example`,
        parent_id: null,
        tags: JSON.stringify(rep.major ? ["major"] : []),
        owner_id: rep.id,
        team_id: rep.teamId,
        ...stamp(`${since}T09:00:00.000Z`),
      };
      const people = Array.from({ length: r.int(2, 4) }, (_, k): ContactsTable => {
        const full = personName(r);
        return {
          id: newId(),
          org_id: orgId,
          account_id: account.id,
          name: full,
          name_key: nameKey(full),
          title: r.pick(TITLES),
          email: `${nameKey(full).replace(/ /g, ".")}@${account.website?.slice(12) ?? "example.com"}`,
          phone: `+1 555 ${r.int(100, 999)} ${r.int(1000, 9999)}`,
          buying_role:
            k === 0 ? "decision_maker" : r.pick(["champion", "influencer", "user", "blocker"] as const),
          relationship_strength: r.int(1, 5),
          owner_id: rep.id,
          team_id: rep.teamId,
          ...stamp(account.created_at),
        };
      });
      accounts.push(account);
      contacts.push(...people);
      mine.push({ account, seg, contacts: people });
    }
    const open: DealsTable[] = [];
    for (let week = since; week <= today; week = addDaysIso(week, 7)) {
      const ramp = Math.min(1, (daysBetween(rep.hireDate, week) + 30) / 120);
      const rate = (rep.major ? 0.6 : 2) * ramp * (SEASON[Number(week.slice(5, 7)) - 1] ?? 1);
      for (let n = r.poisson(rate); n > 0; n--) {
        const created = addDaysIso(week, r.int(0, 4));
        if (created > today) continue;
        const home = r.pick(mine);
        const deal = makeDeal(
          r,
          orgId,
          rep,
          home.account,
          home.seg,
          stages,
          created,
          today,
          products.map((p) => p.id),
          { history, lines },
        );
        deals.push(deal);
        if (deal.status === "open") open.push(deal);
      }
    }
    activities.push(...activitiesFor(r, orgId, rep, since, today, mine, open));
  }
  await insertMany(q, "accounts", accounts);
  await insertMany(q, "contacts", contacts);
  await insertMany(q, "deals", deals);
  await insertMany(q, "deal_products", lines);
  await insertMany(q, "deal_stage_history", history);
  await insertMany(q, "activities", activities);
}

function pickSegment(r: Random) {
  let roll = r.next();
  for (const s of SEGMENTS) if ((roll -= s.weight) < 0) return s;
  return SEGMENTS[0];
}

async function loadReps(q: Q, orgId: string): Promise<Rep[]> {
  const people = await q
    .selectFrom("people")
    .select(["id", "email", "team_id", "hire_date", "role"])
    .where("org_id", "=", orgId)
    .where("role", "=", "member")
    .orderBy("email")
    .execute();
  const teams = await q.selectFrom("teams").select(["id", "name"]).where("org_id", "=", orgId).execute();
  const region = (teamId: string | null) =>
    (teams.find((t) => t.id === teamId)?.name ?? "east").toLowerCase();
  return people.map((p) => ({
    id: p.id,
    teamId: p.team_id,
    region: region(p.team_id),
    hireDate: p.hire_date ?? "2020-01-01",
    major: p.email.startsWith("alan@"),
  }));
}

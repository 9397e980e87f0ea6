// Sales records for a test world: an account, contact, deal and activity owned by member A
// (team A), a deal of member A2 (team A) and one of member B (team B), a product and the default
// pipeline. Written straight to the database in one transaction, so each world stays cheap.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "../src/db/database";
import { newId } from "../src/db/ids";
import type { Q } from "../src/db/tx";
import { createJob } from "../src/modules/crm/import/jobs";
import { ensureStages } from "../src/modules/crm/stages.service";
import type { Client, World } from "./factory";

export interface CrmWorld {
  stages: { first: string; proposal: string; won: string; lost: string };
  accountA: string;
  accountB: string;
  contactA: string;
  dealA: string;
  dealA2: string;
  dealB: string;
  activityA: string;
  product: string;
}

const stamps = () => {
  const now = new Date().toISOString();
  return { version: 1, created_at: now, updated_at: now, deleted_at: null, external_id: null };
};

async function account(q: Q, w: World, owner: { id: string }, teamId: string, name: string) {
  const id = newId();
  await q
    .insertInto("accounts")
    .values({
      id,
      org_id: w.orgId,
      name,
      name_key: name.toLowerCase(),
      industry: "Software",
      segment: null,
      employee_count: 50,
      annual_revenue_minor: null,
      region: "EMEA",
      tier: null,
      website: null,
      parent_id: null,
      tags: "[]",
      owner_id: owner.id,
      team_id: teamId,
      ...stamps(),
    })
    .execute();
  return id;
}

async function deal(
  q: Q,
  w: World,
  owner: { id: string },
  teamId: string,
  accountId: string,
  stageId: string,
  name: string,
) {
  const id = newId();
  const now = new Date().toISOString();
  await q
    .insertInto("deals")
    .values({
      id,
      org_id: w.orgId,
      account_id: accountId,
      name,
      name_key: name.toLowerCase(),
      amount_minor: 500_000,
      currency: "EUR",
      amount_org_minor: 500_000,
      stage_id: stageId,
      status: "open",
      probability: 10,
      forecast_category: "pipeline",
      close_date: "2026-06-30",
      created_date: "2026-01-10",
      lost_reason: null,
      business_type: "new",
      stage_changed_at: now,
      owner_id: owner.id,
      team_id: teamId,
      ...stamps(),
    })
    .execute();
  await q
    .insertInto("deal_stage_history")
    .values({
      id: newId(),
      org_id: w.orgId,
      deal_id: id,
      from_stage_id: null,
      to_stage_id: stageId,
      changed_at: now,
      changed_by: owner.id,
    })
    .execute();
  return id;
}

export async function buildCrmWorld(db: Db, w: World): Promise<CrmWorld> {
  return db.k.transaction().execute(async (q) => {
    const stages = await ensureStages(q, w.orgId);
    const byName = (name: string) => stages.find((s) => s.name === name)?.id ?? "";
    const first = byName("Prospecting");
    const accountA = await account(q, w, w.people.memberA, w.teams.a, "Alpha Industries");
    const accountB = await account(q, w, w.people.memberB, w.teams.b, "Beta Logistics");
    const contactA = newId();
    await q
      .insertInto("contacts")
      .values({
        id: contactA,
        org_id: w.orgId,
        account_id: accountA,
        name: "Carla Contact",
        name_key: "carla contact",
        title: "CFO",
        email: "carla@alpha.example",
        phone: null,
        buying_role: "decision_maker",
        relationship_strength: 3,
        owner_id: w.people.memberA.id,
        team_id: w.teams.a,
        ...stamps(),
      })
      .execute();
    const activityA = newId();
    await q
      .insertInto("activities")
      .values({
        id: activityA,
        org_id: w.orgId,
        type: "call",
        subject: "Intro call",
        notes: null,
        account_id: accountA,
        contact_id: contactA,
        deal_id: null,
        occurred_at: "2026-02-01T10:00:00.000Z",
        duration_minutes: 30,
        outcome: "interested",
        status: "done",
        owner_id: w.people.memberA.id,
        team_id: w.teams.a,
        ...stamps(),
      })
      .execute();
    const product = newId();
    const { deleted_at: _d, ...productStamps } = stamps();
    await q
      .insertInto("products")
      .values({
        id: product,
        org_id: w.orgId,
        name: "Platform licence",
        name_key: "platform licence",
        family: "Software",
        list_price_minor: 120_000,
        currency: "EUR",
        archived_at: null,
        ...productStamps,
      })
      .execute();
    return {
      stages: { first, proposal: byName("Proposal"), won: byName("Closed won"), lost: byName("Closed lost") },
      accountA,
      accountB,
      contactA,
      dealA: await deal(q, w, w.people.memberA, w.teams.a, accountA, first, "Alpha expansion"),
      dealA2: await deal(q, w, w.people.memberA2, w.teams.a, accountA, first, "Alpha renewal"),
      dealB: await deal(q, w, w.people.memberB, w.teams.b, accountB, first, "Beta rollout"),
      activityA,
      product,
    };
  });
}

/** The factory's client has no put(); PUT goes through request(). */
export const put = (client: Client, url: string, body: unknown) => client.request("PUT", url, body);

/** Fixtures only the access matrix needs: a deleted deal, a rate and member A's private view. */
export async function crmAccessExtras(db: Db, w: World, c: CrmWorld) {
  const now = new Date().toISOString();
  const rate = newId();
  await db.k.transaction().execute(async (q) => {
    await q
      .insertInto("exchange_rates")
      .values({
        id: rate,
        org_id: w.orgId,
        currency: "USD",
        rate_date: "2026-01-01",
        rate: 0.9,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await q.updateTable("deals").set({ deleted_at: now }).where("id", "=", c.dealA2).execute();
  });
  const view = (
    await w.as.memberA.post("/api/v1/views", { entity: "deals", name: "Mine", query: { mine: "true" } })
  ).json<{ id: string }>().id;
  return { rate, deletedDeal: c.dealA2, view };
}

let accessCsv: string | null = null;
/** An import job and a saved mapping, both the admin's, for the access matrix's import rows. */
export async function importAccessFixtures(db: Db, w: World): Promise<{ job: string; mapping: string }> {
  if (!accessCsv) {
    accessCsv = path.join(os.tmpdir(), `oars-access-${process.pid}.csv`);
    fs.writeFileSync(accessCsv, "External ID,Name,Amount,Close date\nX1,Access deal,10,2026-01-01\n");
  }
  const job = await createJob(db.k, w.orgId, w.people.admin.id, {
    entity: "deals",
    filePath: accessCsv,
    fileName: "access.csv",
  });
  const now = new Date().toISOString();
  const mapping = newId();
  await db.k
    .insertInto("import_mappings")
    .values({
      id: mapping,
      org_id: w.orgId,
      entity: "deals",
      name: "Admin's",
      columns: "{}",
      options: "{}",
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { job: job.id, mapping };
}

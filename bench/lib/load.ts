// Builds the large organisation in a database: org, team tree, people and memberships, pipeline,
// accounts, and (for the list benchmark) activities. Deals come in through the import under test.
import { createHash } from "node:crypto";
import { DEFAULT_STAGES } from "../../packages/server/src/modules/crm/stages.service";
import { account, activity, id, org, type Org, type Plan } from "./dataset";
import type { Row, Sink } from "./sinks";

const STAMP = "2026-11-01T00:00:00.000Z";
const stamps = { version: 1, created_at: STAMP, updated_at: STAMP };
export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
/** API tokens the list benchmark signs in with. */
export const TOKENS = { rep: "bench-rep-token", manager: "bench-manager-token", admin: "bench-admin-token" };

function* range<T>(count: number, row: (n: number) => T): Generator<T> {
  for (let n = 0; n < count; n++) yield row(n);
}

export async function loadOrg(sink: Sink, p: Plan): Promise<Org> {
  const o = org(p);
  await sink.insert("orgs", [
    {
      id: o.orgId,
      name: "Bench Corp",
      currency: "USD",
      time_zone: "UTC",
      fiscal_year_start_month: 1,
      week_starts_on: 1,
      working_days: "[1,2,3,4,5]",
      holidays: "[]",
      ...stamps,
    },
  ]);
  await sink.insert(
    "teams",
    o.teams.map((t) => ({
      id: t.id,
      org_id: o.orgId,
      name: t.name,
      parent_id: t.parent,
      lead_id: t.lead,
      archived_at: null,
      ...stamps,
    })),
  );
  await sink.insert(
    "people",
    o.people.map((x) => ({
      id: x.id,
      org_id: o.orgId,
      name: x.name,
      email: x.email,
      role: x.role,
      team_id: x.teamId,
      hire_date: "2023-01-02",
      capacity_hours_per_week: 40,
      active: 1,
      password_hash: null,
      ...stamps,
    })),
  );
  await sink.insert(
    "team_memberships",
    o.people
      .filter((x) => x.teamId)
      .map((x, n) => ({
        id: id("membership", n),
        org_id: o.orgId,
        person_id: x.id,
        team_id: x.teamId,
        start_date: "2023-01-02",
        end_date: null,
      })),
  );
  await sink.insert(
    "pipeline_stages",
    DEFAULT_STAGES.map((s, i) => ({
      id: id("stage", i),
      org_id: o.orgId,
      ...s,
      position: i + 1,
      archived_at: null,
      ...stamps,
    })),
  );
  const leaf = o.leaves[0];
  const rep = leaf?.reps[0] ?? 0;
  await sink.insert(
    "api_tokens",
    [
      [TOKENS.rep, o.repIds[rep] ?? ""],
      [TOKENS.manager, leaf?.managerId ?? ""],
      [TOKENS.admin, o.people[0]?.id ?? ""],
    ].map(([token, person], n) => ({
      id: id("token", n),
      org_id: o.orgId,
      person_id: person ?? "",
      name: "bench",
      token_hash: sha256(token ?? ""),
      scope: "read",
      created_at: STAMP,
      last_used_at: STAMP,
      revoked_at: null,
    })),
  );
  await sink.insert(
    "accounts",
    range(p.accounts, (n): Row => {
      const a = account(o, n);
      return {
        id: a.id,
        org_id: o.orgId,
        owner_id: a.ownerId,
        team_id: a.teamId,
        external_id: a.externalId,
        deleted_at: null,
        ...stamps,
        name: a.name,
        name_key: a.name.toLowerCase(),
        industry: null,
        segment: null,
        employee_count: null,
        annual_revenue_minor: null,
        region: null,
        tier: null,
        website: null,
        parent_id: null,
        tags: "[]",
      };
    }),
  );
  return o;
}

export async function loadActivities(sink: Sink, p: Plan, o: Org): Promise<number> {
  return sink.insert(
    "activities",
    range(p.activities, (n): Row => {
      const a = activity(p, o, n);
      return {
        id: a.id,
        org_id: o.orgId,
        owner_id: a.ownerId,
        team_id: a.teamId,
        external_id: null,
        deleted_at: null,
        ...stamps,
        type: a.type,
        subject: a.subject,
        notes: null,
        account_id: a.accountId,
        contact_id: null,
        deal_id: null,
        occurred_at: a.occurredAt,
        duration_minutes: 15,
        outcome: null,
        status: a.status,
      };
    }),
  );
}

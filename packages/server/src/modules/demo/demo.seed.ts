// The demo organisation: a sales director over three regional teams, a new salesperson hired two
// months ago and a seasoned account manager among the reps. Deterministic for a given "today";
// later capabilities extend it with plans and sales history.
import { newId } from "../../db/ids";
import type { Db } from "../../db/database";
import { invalid } from "../../http/errors";
import { addDaysIso, todayInZone } from "../../lib/dates";
import { recordAudit } from "../audit/audit.record";
import { seedDemoPlans } from "./demo.plans";
import { seedDemoSales } from "./demo.sales";
import { seedDemoTactics } from "./demo.tactics";
import { hashPassword } from "../auth/passwords";
import type { Services } from "../../http/context";

export interface DemoPerson {
  key: string;
  name: string;
  email: string;
  role: "admin" | "manager" | "member" | "viewer";
  team: string | null;
  title: string;
  hireDaysAgo: number;
  password: string;
}

export const DEMO_DOMAIN = "northwind.example";
const TEAMS = [
  { key: "sales", name: "Sales", parent: null, lead: "dana" },
  { key: "east", name: "East", parent: "sales", lead: "marcus" },
  { key: "central", name: "Central", parent: "sales", lead: "priya" },
  { key: "west", name: "West", parent: "sales", lead: "tom" },
] as const;

const P = (
  key: string,
  name: string,
  role: DemoPerson["role"],
  team: string | null,
  title: string,
  hireDaysAgo: number,
): DemoPerson => ({
  key,
  name,
  email: `${key}@${DEMO_DOMAIN}`,
  role,
  team,
  title,
  hireDaysAgo,
  password: `demo-${key}-oars`,
});

export const DEMO_PEOPLE: DemoPerson[] = [
  P("avery", "Avery Admin", "admin", null, "Sales operations (admin)", 2200),
  P("dana", "Dana Reyes", "manager", "sales", "Sales director", 1500),
  P("fiona", "Fiona Grant", "viewer", "sales", "Finance analyst (viewer)", 900),
  P("marcus", "Marcus Webb", "manager", "east", "Team manager, East", 1800),
  P("nina", "Nina Patel", "member", "east", "New salesperson", 60),
  P("omar", "Omar Haddad", "member", "east", "Account executive", 700),
  P("lena", "Lena Fischer", "member", "east", "Account executive", 1100),
  P("priya", "Priya Shah", "manager", "central", "Team manager, Central", 1600),
  P("jamal", "Jamal Carter", "member", "central", "Account executive", 950),
  P("sofia", "Sofia Rossi", "member", "central", "Account executive", 480),
  P("kenji", "Kenji Tanaka", "member", "central", "Account executive", 1300),
  P("tom", "Tom Okafor", "manager", "west", "Team manager, West", 2000),
  P("alan", "Alan Brooks", "member", "west", "Senior account manager, major accounts", 3000),
  P("grace", "Grace Liu", "member", "west", "Account executive", 620),
  P("diego", "Diego Alvarez", "member", "west", "Account executive", 820),
];

export interface DemoResult {
  orgId: string;
  people: { name: string; email: string; role: string; title: string; password: string }[];
}

export async function seedDemo(
  services: Services & { db: Db },
  opts: { today?: string } = {},
): Promise<DemoResult> {
  const db = services.db;
  const timeZone = "America/New_York";
  const today = opts.today ?? todayInZone(timeZone);
  const taken = await db.k
    .selectFrom("people")
    .select("email")
    .where("email", "like", `%@${DEMO_DOMAIN}`)
    .executeTakeFirst();
  if (taken) throw invalid("demo", "the demo organisation already exists in this database");
  const hashes = await Promise.all(DEMO_PEOPLE.map((p) => hashPassword(p.password)));
  const orgId = newId();
  const now = new Date().toISOString();
  await db.k.transaction().execute(async (tx) => {
    await tx
      .insertInto("orgs")
      .values({
        id: orgId,
        name: "Northwind Demo",
        currency: "USD",
        time_zone: timeZone,
        fiscal_year_start_month: 1,
        week_starts_on: 1,
        working_days: JSON.stringify([1, 2, 3, 4, 5]),
        holidays: JSON.stringify(usHolidays(Number(today.slice(0, 4)))),
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const personIds = new Map(DEMO_PEOPLE.map((p) => [p.key, newId()]));
    const teamIds = new Map<string, string>(TEAMS.map((t) => [t.key, newId()]));
    for (const t of TEAMS) {
      await tx
        .insertInto("teams")
        .values({
          id: teamIds.get(t.key) as string,
          org_id: orgId,
          name: t.name,
          parent_id: t.parent ? (teamIds.get(t.parent) ?? null) : null,
          lead_id: personIds.get(t.lead) ?? null,
          archived_at: null,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    for (const [i, p] of DEMO_PEOPLE.entries()) {
      const id = personIds.get(p.key) as string;
      const teamId = p.team ? (teamIds.get(p.team) ?? null) : null;
      const hireDate = addDaysIso(today, -p.hireDaysAgo);
      await tx
        .insertInto("people")
        .values({
          id,
          org_id: orgId,
          name: p.name,
          email: p.email,
          role: p.role,
          team_id: teamId,
          hire_date: hireDate,
          capacity_hours_per_week: p.role === "member" ? 40 : 45,
          active: 1,
          password_hash: hashes[i] ?? null,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      if (teamId)
        await tx
          .insertInto("team_memberships")
          .values({
            id: newId(),
            org_id: orgId,
            person_id: id,
            team_id: teamId,
            start_date: hireDate,
            end_date: null,
          })
          .execute();
    }
    await recordAudit(tx, { ...services, actor: null, requestId: null, ip: null, origin: "" }, orgId, {
      entity: "org",
      entityId: orgId,
      action: "seed-demo",
      after: { people: DEMO_PEOPLE.length, teams: TEAMS.length },
    });
    await seedDemoPlans(tx, orgId, today);
    await seedDemoSales(tx, orgId, today);
    await seedDemoTactics(tx, orgId, today);
  });
  return {
    orgId,
    people: DEMO_PEOPLE.map((p) => ({
      name: p.name,
      email: p.email,
      role: p.role,
      title: p.title,
      password: p.password,
    })),
  };
}

/** US federal holidays that fall on fixed dates, for this year and the next (a demo's calendar). */
function usHolidays(year: number): string[] {
  return [year, year + 1].flatMap((y) => [`${y}-01-01`, `${y}-07-04`, `${y}-11-11`, `${y}-12-25`]);
}

// Builds each test's own organisation: a department with teams A and B, one person per role the
// access tests need, and signed-in clients for each. Sessions are made directly (no argon2 per
// person), except where a test signs in for real.
import { newId, newSecret, sha256 } from "../src/db/ids";
import type { Db } from "../src/db/database";
import type { App } from "../src/http/app";
import { hashPassword } from "../src/modules/auth/passwords";

export const PASSWORD = "violet tractor sings at dawn";
let passwordHash: Promise<string> | null = null;
const hashed = () => (passwordHash ??= hashPassword(PASSWORD));

export type ActorKey =
  | "admin"
  | "director"
  | "managerA"
  | "memberA"
  | "memberA2"
  | "memberB"
  | "viewer"
  | "deactivated"
  | "otherAdmin";

export interface Client {
  personId: string;
  email: string;
  cookie: string;
  csrf: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<Res>;
  get(url: string): Promise<Res>;
  post(url: string, body?: unknown): Promise<Res>;
  patch(url: string, body: unknown): Promise<Res>;
  delete(url: string): Promise<Res>;
}

export interface Res {
  status: number;
  body: unknown;
  json<T = Record<string, unknown>>(): T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** Each test's clients come from their own made-up address, so per-address throttling of one
 * test never touches another (inject sends nothing over the network). */
const testAddress = () =>
  `10.${(Math.random() * 255) | 0}.${(Math.random() * 255) | 0}.${(Math.random() * 255) | 0}`;

export function client(
  app: App,
  auth: {
    cookie?: string;
    csrf?: string;
    bearer?: string;
    personId?: string;
    email?: string;
    remoteAddress?: string;
  },
): Client {
  const remoteAddress = auth.remoteAddress ?? testAddress();
  const request = async (
    method: string,
    url: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<Res> => {
    const headers: Record<string, string> = { ...extra };
    if (auth.cookie) headers.cookie = `oars_session=${auth.cookie}`;
    if (auth.csrf && method !== "GET") headers["x-csrf-token"] = auth.csrf;
    if (auth.bearer) headers.authorization = `Bearer ${auth.bearer}`;
    const res = await app.inject({
      method: method as "GET",
      url,
      remoteAddress,
      headers,
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
    let parsed: unknown = res.body;
    try {
      parsed = res.body ? JSON.parse(res.body) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.statusCode, body: parsed, json: <T>() => parsed as T, headers: res.headers };
  };
  return {
    personId: auth.personId ?? "",
    email: auth.email ?? "",
    cookie: auth.cookie ?? "",
    csrf: auth.csrf ?? "",
    request,
    get: (url) => request("GET", url),
    post: (url, body) => request("POST", url, body ?? {}),
    patch: (url, body) => request("PATCH", url, body),
    delete: (url) => request("DELETE", url),
  };
}

export const anonymous = (app: App) => client(app, {});

export interface World {
  orgId: string;
  otherOrgId: string;
  teams: { dept: string; a: string; b: string; otherRoot: string };
  people: Record<ActorKey, { id: string; email: string }>;
  as: Record<ActorKey | "anonymous", Client>;
}

async function insertOrg(db: Db, name: string): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await db.k
    .insertInto("orgs")
    .values({
      id,
      name,
      currency: "EUR",
      time_zone: "Europe/Paris",
      fiscal_year_start_month: 1,
      week_starts_on: 1,
      working_days: "[1,2,3,4,5]",
      holidays: "[]",
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

async function insertTeam(db: Db, orgId: string, name: string, parentId: string | null): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await db.k
    .insertInto("teams")
    .values({
      id,
      org_id: orgId,
      name,
      parent_id: parentId,
      lead_id: null,
      archived_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function insertPerson(
  db: Db,
  orgId: string,
  p: {
    name: string;
    role: "admin" | "manager" | "member" | "viewer";
    teamId: string | null;
    active?: boolean;
  },
): Promise<{ id: string; email: string }> {
  const id = newId();
  const email = `${p.name.toLowerCase().replace(/\W+/g, ".")}.${id.slice(-12)}@test.example`;
  const now = new Date().toISOString();
  await db.k
    .insertInto("people")
    .values({
      id,
      org_id: orgId,
      name: p.name,
      email,
      role: p.role,
      team_id: p.teamId,
      hire_date: "2024-01-15",
      capacity_hours_per_week: 40,
      active: p.active === false ? 0 : 1,
      password_hash: await hashed(),
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (p.teamId)
    await db.k
      .insertInto("team_memberships")
      .values({
        id: newId(),
        org_id: orgId,
        person_id: id,
        team_id: p.teamId,
        start_date: "2024-01-15",
        end_date: null,
      })
      .execute();
  return { id, email };
}

export async function signInDirect(
  app: App,
  db: Db,
  person: { id: string; email: string },
  orgId: string,
): Promise<Client> {
  const token = newSecret();
  const csrf = newSecret();
  const now = new Date();
  await db.k
    .insertInto("sessions")
    .values({
      id: sha256(token),
      org_id: orgId,
      person_id: person.id,
      csrf_token: csrf,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 3_600_000).toISOString(),
      ip: null,
      user_agent: "test",
    })
    .execute();
  return client(app, { cookie: token, csrf, personId: person.id, email: person.email });
}

/** The organisation every access test runs against, plus a second org to prove isolation. */
export async function buildWorld(app: App, db: Db): Promise<World> {
  // One transaction: a single commit (and fsync) instead of one per row keeps each world cheap.
  return db.k.transaction().execute(async (tx) => buildWorldIn(app, { ...db, k: tx as unknown as Db["k"] }));
}

async function buildWorldIn(app: App, db: Db): Promise<World> {
  const orgId = await insertOrg(db, "Acme");
  const dept = await insertTeam(db, orgId, "Sales department", null);
  const a = await insertTeam(db, orgId, "Team A", dept);
  const b = await insertTeam(db, orgId, "Team B", dept);
  const otherOrgId = await insertOrg(db, "Other Co");
  const otherRoot = await insertTeam(db, otherOrgId, "Other sales", null);
  const people = {
    admin: await insertPerson(db, orgId, { name: "Ada Admin", role: "admin", teamId: null }),
    director: await insertPerson(db, orgId, { name: "Dora Director", role: "manager", teamId: dept }),
    managerA: await insertPerson(db, orgId, { name: "Max Manager", role: "manager", teamId: a }),
    memberA: await insertPerson(db, orgId, { name: "Mia Member", role: "member", teamId: a }),
    memberA2: await insertPerson(db, orgId, { name: "Mo Member", role: "member", teamId: a }),
    memberB: await insertPerson(db, orgId, { name: "Ben Member", role: "member", teamId: b }),
    viewer: await insertPerson(db, orgId, { name: "Vic Viewer", role: "viewer", teamId: dept }),
    deactivated: await insertPerson(db, orgId, {
      name: "Dee Gone",
      role: "member",
      teamId: a,
      active: false,
    }),
    otherAdmin: await insertPerson(db, otherOrgId, { name: "Olga Other", role: "admin", teamId: otherRoot }),
  };
  const as = {} as World["as"];
  for (const [key, person] of Object.entries(people) as [ActorKey, { id: string; email: string }][]) {
    as[key] = await signInDirect(app, db, person, key === "otherAdmin" ? otherOrgId : orgId);
  }
  as.anonymous = anonymous(app);
  return { orgId, otherOrgId, teams: { dept, a, b, otherRoot }, people, as };
}

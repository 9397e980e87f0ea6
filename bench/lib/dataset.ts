// The large organisation of DESIGN.md ("2,000 reps in 200 teams, 500k accounts, 1M deals, 5M
// activities") at any --scale, deterministically: row i is a pure function of i, so two runs at
// one scale build the same data and nothing needs to be held in memory but ids.
import { createHash } from "node:crypto";

export interface Plan {
  scale: number;
  teams: number;
  regions: number;
  reps: number;
  accounts: number;
  deals: number;
  activities: number;
  /** The dataset's "today": deals close around it. */
  today: string;
}

export function plan(scale: number): Plan {
  const teams = Math.max(4, Math.round(200 * scale));
  return {
    scale,
    teams,
    regions: Math.max(1, Math.round(teams / 20)),
    reps: Math.max(8, Math.round(2000 * scale)),
    accounts: Math.max(500, Math.round(500_000 * scale)),
    deals: Math.max(1000, Math.round(1_000_000 * scale)),
    activities: Math.max(5000, Math.round(5_000_000 * scale)),
    today: "2026-11-27",
  };
}

/** A deterministic UUID-shaped id for row `n` of `kind`, so the same scale gives the same ids. */
export function id(kind: string, n: number): string {
  const h = createHash("sha1").update(`${kind}:${n}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** mulberry32 seeded by the row number: cheap, and the same row always draws the same numbers. */
export function draws(n: number) {
  let a = (n * 2654435761) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface Org {
  orgId: string;
  teams: { id: string; name: string; parent: string | null; lead: string | null }[];
  people: {
    id: string;
    name: string;
    email: string;
    role: "admin" | "manager" | "member";
    teamId: string | null;
  }[];
  /** Leaf teams, each with a manager and its reps. */
  leaves: { id: string; managerId: string; reps: number[] }[];
  repIds: string[];
  repEmails: string[];
  repTeams: string[];
}

/** Teams (root, regions, leaf teams), their managers, the reps spread over the leaf teams. */
export function org(p: Plan): Org {
  const orgId = id("org", 0);
  const teams: Org["teams"] = [{ id: id("team", 0), name: "Sales", parent: null, lead: null }];
  const people: Org["people"] = [
    { id: id("person", 0), name: "Bench Admin", email: "admin@bench.example", role: "admin", teamId: null },
  ];
  for (let r = 0; r < p.regions; r++)
    teams.push({ id: id("team", 1 + r), name: `Region ${r + 1}`, parent: id("team", 0), lead: null });
  const leafCount = p.teams - 1 - p.regions;
  const leaves: Org["leaves"] = [];
  for (let l = 0; l < leafCount; l++) {
    const teamId = id("team", 1 + p.regions + l);
    const managerId = id("manager", l);
    teams.push({
      id: teamId,
      name: `Team ${l + 1}`,
      parent: id("team", 1 + (l % p.regions)),
      lead: managerId,
    });
    people.push({
      id: managerId,
      name: `Manager ${l + 1}`,
      email: `manager${l + 1}@bench.example`,
      role: "manager",
      teamId,
    });
    leaves.push({ id: teamId, managerId, reps: [] });
  }
  const repIds: string[] = [];
  const repEmails: string[] = [];
  const repTeams: string[] = [];
  for (let i = 0; i < p.reps; i++) {
    const leaf = leaves[i % leaves.length];
    if (!leaf) throw new Error("no leaf team");
    leaf.reps.push(i);
    repIds.push(id("rep", i));
    repEmails.push(`rep${i + 1}@bench.example`);
    repTeams.push(leaf.id);
    people.push({
      id: id("rep", i),
      name: `Rep ${i + 1}`,
      email: `rep${i + 1}@bench.example`,
      role: "member",
      teamId: leaf.id,
    });
  }
  return { orgId, teams, people, leaves, repIds, repEmails, repTeams };
}

/** Account n: owned by rep n mod reps, with an external id the deal file points at. */
export function account(o: Org, n: number) {
  const rep = n % o.repIds.length;
  return {
    id: id("account", n),
    externalId: `ACC${n}`,
    name: `Account ${n}`,
    ownerId: o.repIds[rep] ?? "",
    teamId: o.repTeams[rep] ?? null,
  };
}

const STAGES = [
  "Prospecting",
  "Qualification",
  "Needs analysis",
  "Proposal",
  "Negotiation",
  "Closed won",
  "Closed lost",
];
const STAGE_WEIGHTS = [0.14, 0.12, 0.12, 0.11, 0.1, 0.15, 0.26];

/** Deal n, as the CSV file an import reads carries it. Same owner as its account. */
export function deal(p: Plan, o: Org, n: number) {
  const r = draws(n + 7);
  let roll = r.next();
  let stage = 0;
  while (stage < STAGE_WEIGHTS.length - 1 && (roll -= STAGE_WEIGHTS[stage] ?? 0) > 0) stage++;
  const closed = stage >= 5;
  const close = addDays(p.today, closed ? -r.int(1, 720) : r.int(-30, 240));
  const accountN = n % p.accounts;
  return {
    externalId: `DEAL${n}`,
    name: `Deal ${n} ${["expansion", "renewal", "pilot", "rollout"][n % 4]}`,
    account: `ACC${accountN}`,
    accountN,
    ownerEmail: o.repEmails[accountN % o.repIds.length] ?? "",
    amountMinor: r.int(10, 2000) * 10_000,
    stage: STAGES[stage] ?? "Prospecting",
    stageIndex: stage,
    closeDate: close,
    createdDate: addDays(close, -r.int(10, 180)),
  };
}

export const DEAL_CSV_HEADER = "External ID,Name,Account,Owner,Amount,Currency,Stage,Close date,Created date";

export function dealCsvLine(d: ReturnType<typeof deal>): string {
  return `${d.externalId},${d.name},${d.account},${d.ownerEmail},${(d.amountMinor / 100).toFixed(2)},USD,${d.stage},${d.closeDate},${d.createdDate}`;
}

const TYPES = ["call", "call", "call", "email", "email", "meeting", "demo", "task", "note"] as const;

/** Activity n: on one of its owner's accounts, done in the past or planned ahead. */
export function activity(p: Plan, o: Org, n: number) {
  const r = draws(n + 13);
  const accountN = r.int(0, p.accounts - 1);
  const a = account(o, accountN);
  const day = addDays(p.today, -r.int(-14, 720));
  return {
    id: id("activity", n),
    type: TYPES[n % TYPES.length] ?? "call",
    subject: `Touch ${n}`,
    accountId: a.id,
    ownerId: a.ownerId,
    teamId: a.teamId,
    occurredAt: `${day}T${String(r.int(8, 18)).padStart(2, "0")}:00:00.000Z`,
    status: day > p.today ? "planned" : "done",
  };
}

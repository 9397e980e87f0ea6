// People from CSV: matched by email (new ones get no password; an admin sends invites). A team
// change keeps dated history, and the person's open work follows them to the new team.
import { newId } from "../../../../db/ids";
import type { Q } from "../../../../db/tx";
import { addDaysIso } from "../../../../lib/dates";
import { followOwner } from "../../ownership";
import { nameKey } from "../../text";
import type { ImportCtx } from "../context";
import { RowReader } from "../row-reader";
import { ROLES } from "../synonyms";
import { done, firstSeen, rejected, updateRow, type RowResult, type SourceRow } from "../upsert";
import { teamsByName } from "./teams";

export async function applyPeople(
  q: Q,
  ic: ImportCtx,
  rows: SourceRow[],
  write: boolean,
): Promise<RowResult[]> {
  const teams = await teamsByName(q, ic.org.id);
  const emails = rows.flatMap((s) => {
    const e = s.values.get("email")?.trim().toLowerCase();
    return e ? [e] : [];
  });
  const existing = new Map<
    string,
    {
      id: string;
      org_id: string;
      name: string;
      role: string;
      team_id: string | null;
      hire_date: string | null;
      capacity_hours_per_week: number;
      active: number;
    }
  >();
  for (let i = 0; i < emails.length; i += 500) {
    const found = await q
      .selectFrom("people")
      .select([
        "id",
        "org_id",
        "email",
        "name",
        "role",
        "team_id",
        "hire_date",
        "capacity_hours_per_week",
        "active",
      ])
      .where("email", "in", emails.slice(i, i + 500))
      .execute();
    for (const p of found) existing.set(p.email, p);
  }
  const unique = firstSeen();
  const now = new Date().toISOString();
  const results: RowResult[] = [];
  for (const src of rows) {
    const r = new RowReader(src.values, ic.options);
    const email = r.text("email", { required: true, max: 254 })?.toLowerCase() ?? null;
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      r.fail("email", `"${email}" is not an email address`);
    const name =
      r.text("name") ?? ([r.text("firstName"), r.text("lastName")].filter(Boolean).join(" ") || null);
    const role = r.oneOf("role", ROLES, "role");
    const teamName = r.raw("team");
    const team = teamName === undefined ? undefined : teams.byKey.get(nameKey(teamName));
    if (teamName !== undefined && (!team || team.archived_at)) r.fail("team", `unknown team "${teamName}"`);
    const hireDate = r.date("hireDate");
    const capacity = r.count("capacityHoursPerWeek", 168);
    if (r.problems.length || !email) {
      results.push(rejected(src, r.problems));
      continue;
    }
    if (!unique(email)) {
      results.push(rejected(src, [{ field: "email", message: "repeats a person of an earlier row" }]));
      continue;
    }
    const before = existing.get(email);
    if (before && before.org_id !== ic.org.id) {
      results.push(
        rejected(src, [{ field: "email", message: "belongs to a person of another organisation" }]),
      );
      continue;
    }
    if (!before) {
      if (!name) {
        results.push(rejected(src, [{ field: "name", message: "is required to add a person" }]));
        continue;
      }
      const id = newId();
      if (write) {
        await q
          .insertInto("people")
          .values({
            id,
            org_id: ic.org.id,
            name,
            email,
            role: role ?? "member",
            team_id: team?.id ?? null,
            hire_date: hireDate,
            capacity_hours_per_week: capacity ?? 40,
            active: 1,
            password_hash: null,
            version: 1,
            created_at: now,
            updated_at: now,
          })
          .execute();
        if (team)
          await openMembership(
            q,
            ic.org.id,
            id,
            team.id,
            hireDate && hireDate < ic.today ? hireDate : ic.today,
          );
      }
      results.push(done(src, "create"));
      continue;
    }
    const set: Record<string, unknown> = {};
    if (name && name !== before.name) set.name = name;
    if (role && role !== before.role) set.role = role;
    if (r.has("hireDate") && hireDate !== before.hire_date) set.hire_date = hireDate;
    if (capacity !== null && capacity !== before.capacity_hours_per_week)
      set.capacity_hours_per_week = capacity;
    if (team && team.id !== before.team_id) set.team_id = team.id;
    if (Object.keys(set).length && write) {
      await updateRow(q, "people", before.id, set);
      if (set.team_id && before.active === 1) await moveTeam(q, ic, before.id, team?.id ?? "");
    }
    results.push(done(src, Object.keys(set).length ? "update" : "unchanged"));
  }
  return results;
}

async function openMembership(q: Q, orgId: string, personId: string, teamId: string, start: string) {
  await q
    .insertInto("team_memberships")
    .values({
      id: newId(),
      org_id: orgId,
      person_id: personId,
      team_id: teamId,
      start_date: start,
      end_date: null,
    })
    .execute();
}

/** From today: the open membership ends yesterday (or goes, if it began today), a new one opens,
 * and the person's open work — records that count for today's team — follows them. */
async function moveTeam(q: Q, ic: ImportCtx, personId: string, teamId: string): Promise<void> {
  const open = await q
    .selectFrom("team_memberships")
    .selectAll()
    .where("person_id", "=", personId)
    .where("end_date", "is", null)
    .execute();
  for (const m of open)
    if (m.start_date >= ic.today) await q.deleteFrom("team_memberships").where("id", "=", m.id).execute();
    else
      await q
        .updateTable("team_memberships")
        .set({ end_date: addDaysIso(ic.today, -1) })
        .where("id", "=", m.id)
        .execute();
  await openMembership(q, ic.org.id, personId, teamId, ic.today);
  await followOwner(q, personId, teamId);
}

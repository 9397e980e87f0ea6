// Teams from CSV, so a real sales organisation comes in whole: matched by name, parents and
// leads linked after the batch's teams exist, so their order in the file does not matter.
import { wouldCycle } from "@oars/core";
import { newId } from "../../../../db/ids";
import type { Q } from "../../../../db/tx";
import { nameKey } from "../../text";
import type { ImportCtx } from "../context";
import { RowReader } from "../row-reader";
import { done, firstSeen, rejected, updateRow, type RowResult, type SourceRow } from "../upsert";

export async function teamsByName(q: Q, orgId: string) {
  const rows = await q
    .selectFrom("teams")
    .select(["id", "name", "parent_id", "lead_id", "archived_at"])
    .where("org_id", "=", orgId)
    .execute();
  return { rows, byKey: new Map(rows.map((t) => [nameKey(t.name), t])) };
}

export async function applyTeams(
  q: Q,
  ic: ImportCtx,
  rows: SourceRow[],
  write: boolean,
): Promise<RowResult[]> {
  const teams = await teamsByName(q, ic.org.id);
  const unique = firstSeen();
  const now = new Date().toISOString();
  const results: RowResult[] = [];
  const pending: { i: number; id: string; parent?: string; lead?: string; created: boolean }[] = [];
  for (const src of rows) {
    const r = new RowReader(src.values, ic.options);
    const name = r.text("name", { required: true });
    if (r.problems.length || !name) {
      results.push(rejected(src, r.problems));
      continue;
    }
    if (!unique(nameKey(name))) {
      results.push(rejected(src, [{ field: "name", message: "repeats a team of an earlier row" }]));
      continue;
    }
    let team = teams.byKey.get(nameKey(name));
    if (team?.archived_at) {
      results.push(rejected(src, [{ field: "name", message: `team "${name}" is archived` }]));
      continue;
    }
    const created = !team;
    if (!team) {
      team = { id: newId(), name, parent_id: null, lead_id: null, archived_at: null };
      teams.byKey.set(nameKey(name), team);
      teams.rows.push(team);
      if (write)
        await q
          .insertInto("teams")
          .values({ ...team, org_id: ic.org.id, version: 1, created_at: now, updated_at: now })
          .execute();
    }
    results.push(done(src, created ? "create" : "unchanged"));
    pending.push({
      i: results.length - 1,
      id: team.id,
      parent: r.raw("parent"),
      lead: r.raw("lead"),
      created,
    });
  }
  // Second pass: parents and leads, now that every team of the batch exists.
  for (const p of pending) {
    const team = teams.rows.find((t) => t.id === p.id);
    const result = results[p.i];
    if (!team || !result) continue;
    const set: { parent_id?: string | null; lead_id?: string | null } = {};
    const problems = [];
    if (p.parent !== undefined) {
      const parent = teams.byKey.get(nameKey(p.parent));
      if (!parent) problems.push({ field: "parent", message: `unknown team "${p.parent}"` });
      else if (
        wouldCycle(
          teams.rows.map((t) => ({ id: t.id, parentId: t.parent_id })),
          team.id,
          parent.id,
        )
      )
        problems.push({
          field: "parent",
          message: `"${p.parent}" is the team itself or one of its sub-teams`,
        });
      else if (parent.id !== team.parent_id) set.parent_id = parent.id;
    }
    if (p.lead !== undefined) {
      const lead = ic.people.byEmail.get(p.lead.toLowerCase()) ?? ic.people.byName.get(nameKey(p.lead));
      if (!lead || !lead.active) problems.push({ field: "lead", message: `unknown person "${p.lead}"` });
      else if (lead.id !== team.lead_id) set.lead_id = lead.id;
    }
    if (problems.length) {
      results[p.i] = rejected(result, problems);
      if (p.created && write) await q.deleteFrom("teams").where("id", "=", team.id).execute();
      continue;
    }
    if (Object.keys(set).length === 0) continue;
    Object.assign(team, set);
    if (write) await updateRow(q, "teams", team.id, set, !p.created);
    if (!p.created) results[p.i] = done(result, "update");
  }
  return results;
}

// Activities from CSV: upserted by Oars id or external id (without one, every row is new). Links
// to an account, contact or deal by Oars id, external id or name; a done activity counts for its
// owner's team on the day it happened.
import { newId } from "../../../../db/ids";
import type { Q } from "../../../../db/tx";
import type { ActivitiesTable } from "../../crm.schema";
import { teamOnDate } from "../../ownership";
import type { ImportCtx } from "../context";
import { matchExisting, writableProblem } from "../match";
import { RowReader } from "../row-reader";
import { ACTIVITY_STATUS, ACTIVITY_TYPES } from "../synonyms";
import {
  changes,
  done,
  firstSeen,
  insertMany,
  rejected,
  updateRow,
  type RowResult,
  type SourceRow,
} from "../upsert";
import { ownerFields } from "./owner";
import { resolveRefs } from "./refs";

type Fields = Partial<ActivitiesTable>;
const LINKS = [
  ["account", "accounts", "account_id"],
  ["contact", "contacts", "contact_id"],
  ["deal", "deals", "deal_id"],
] as const;

function parse(ic: ImportCtx, src: SourceRow) {
  const r = new RowReader(src.values, ic.options);
  const f: Fields = {};
  const type = r.oneOf("type", ACTIVITY_TYPES, "activity type");
  if (type) f.type = type;
  const subject = r.text("subject");
  if (subject) f.subject = subject;
  if (r.has("notes")) f.notes = r.text("notes", { max: 10_000, multiline: true });
  if (r.has("occurredAt")) f.occurred_at = r.instant("occurredAt") ?? undefined;
  if (r.has("durationMinutes")) f.duration_minutes = r.minutes("durationMinutes");
  if (r.has("outcome")) f.outcome = r.text("outcome");
  if (r.has("status")) f.status = r.oneOf("status", ACTIVITY_STATUS, "activity status") ?? undefined;
  const owner = ownerFields(ic, r);
  if (r.has("owner") && owner) f.owner_id = owner.owner_id;
  const refs = Object.fromEntries(LINKS.map(([field]) => [field, r.raw(field)]));
  return { src, r, f, owner, refs, id: r.raw("id") ?? null, externalId: r.text("externalId") };
}

function credit(ic: ImportCtx, a: ActivitiesTable): string | null {
  const current = ic.people.byId.get(a.owner_id)?.teamId ?? null;
  return a.status === "done"
    ? teamOnDate(ic.memberships.get(a.owner_id), a.occurred_at.slice(0, 10), current)
    : current;
}

export async function applyActivities(
  q: Q,
  ic: ImportCtx,
  rows: SourceRow[],
  write: boolean,
): Promise<RowResult[]> {
  const parsed = rows.map((src) => parse(ic, src));
  const resolvers = await Promise.all(
    LINKS.map(([field, table]) =>
      resolveRefs(
        q,
        ic,
        table,
        parsed.flatMap((p) => (p.refs[field] ? [p.refs[field]] : [])),
      ),
    ),
  );
  const keys = parsed.map((p) =>
    p.r.problems.length ? null : { id: p.id, externalId: p.externalId, natural: null },
  );
  const matches = await matchExisting(q, ic, "activities", keys, null);
  const unique = firstSeen();
  const results: RowResult[] = [];
  const inserts: ActivitiesTable[] = [];
  const now = new Date().toISOString();
  for (const [i, p] of parsed.entries()) {
    for (const [j, [field, , column]] of LINKS.entries()) {
      const ref = p.refs[field];
      if (ref === undefined) continue;
      const hit = resolvers[j]?.(ref);
      if (hit === "ambiguous") p.r.fail(field, `several records are named "${ref}"; use the external id`);
      else if (!hit) p.r.fail(field, `unknown ${field} "${ref}"`);
      else {
        p.f[column] = hit.id;
        if (!p.refs.account && hit.account_id) p.f.account_id ??= hit.account_id;
      }
    }
    const m = matches[i];
    if (p.r.problems.length) results.push(rejected(p.src, p.r.problems));
    else if (!unique(p.id ?? p.externalId))
      results.push(
        rejected(p.src, [
          { field: "externalId", message: "repeats the activity of an earlier row of this batch" },
        ]),
      );
    else if (m && "problem" in m) results.push(rejected(p.src, [{ field: m.field, message: m.problem }]));
    else if (m) {
      const refused = writableProblem(ic, m.row);
      if (refused) {
        results.push(rejected(p.src, [{ field: null, message: refused }]));
        continue;
      }
      const merged = {
        ...m.row,
        ...Object.fromEntries(Object.entries(p.f).filter(([, v]) => v !== undefined)),
      };
      const set = changes(m.row, {
        ...merged,
        team_id: credit(ic, merged),
        external_id: p.externalId ?? m.row.external_id,
      });
      delete set.updated_at;
      if (write && Object.keys(set).length) await updateRow(q, "activities", m.row.id, set);
      results.push(done(p.src, Object.keys(set).length ? "update" : "unchanged"));
    } else if (!p.f.type || !p.f.subject || !p.owner)
      results.push(
        rejected(p.src, [
          {
            field: !p.f.type ? "type" : !p.f.subject ? "subject" : "owner",
            message: "is required to create an activity",
          },
        ]),
      );
    else {
      const occurredAt = p.f.occurred_at ?? now;
      const row: ActivitiesTable = {
        id: newId(),
        org_id: ic.org.id,
        type: p.f.type,
        subject: p.f.subject,
        notes: p.f.notes ?? null,
        account_id: p.f.account_id ?? null,
        contact_id: p.f.contact_id ?? null,
        deal_id: p.f.deal_id ?? null,
        occurred_at: occurredAt,
        duration_minutes: p.f.duration_minutes ?? null,
        outcome: p.f.outcome ?? null,
        status: p.f.status ?? (occurredAt <= now ? "done" : "planned"),
        owner_id: p.owner.owner_id,
        team_id: p.owner.team_id,
        external_id: p.externalId,
        deleted_at: null,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      row.team_id = credit(ic, row);
      inserts.push(row);
      results.push(done(p.src, "create"));
    }
  }
  if (write) await insertMany(q, "activities", inserts, ic.raw);
  return results;
}

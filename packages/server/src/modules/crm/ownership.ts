// Owners and the team a record counts for. A deal is credited to its owner and to the team the
// owner belonged to on the close date (DESIGN.md "Targets and credit"); open work counts for the
// owner's team of today. Memberships have dates, so moves and leavers keep their history.
import type { Q } from "../../db/tx";
import { forbidden, invalid } from "../../http/errors";
import { mayAssignTo } from "../../policies/crm.policy";
import type { Scope } from "../../policies/scope";

export interface Owner {
  id: string;
  teamId: string | null;
}

export interface MembershipSpan {
  teamId: string;
  start: string;
  end: string | null;
}

/** The active person of this org who will own a record; 400 naming the field otherwise. */
export async function loadOwner(q: Q, orgId: string, personId: string, field = "ownerId"): Promise<Owner> {
  const p = await q
    .selectFrom("people")
    .select(["id", "team_id", "active"])
    .where("org_id", "=", orgId)
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!p || p.active !== 1) throw invalid(field, "must be an active person of this organisation");
  return { id: p.id, teamId: p.team_id };
}

/** The owner a write asks for (default: the caller), checked against who may assign to whom. */
export async function ownerForWrite(
  q: Q,
  scope: Scope,
  requested: string | undefined,
  field = "ownerId",
): Promise<Owner> {
  const owner = await loadOwner(q, scope.actor.orgId, requested ?? scope.actor.personId, field);
  if (!mayAssignTo(scope, owner))
    throw forbidden("Giving a record to someone else is a manager's or admin's act, within their teams");
  return owner;
}

/** Pure: the team of `spans` covering `date`, else the owner's current team. */
export function teamOnDate(spans: MembershipSpan[] | undefined, date: string, current: string | null) {
  for (const s of spans ?? []) if (s.start <= date && (s.end === null || s.end >= date)) return s.teamId;
  return current;
}

export async function membershipsOf(q: Q, orgId: string, personId: string): Promise<MembershipSpan[]> {
  const rows = await q
    .selectFrom("team_memberships")
    .select(["team_id", "start_date", "end_date"])
    .where("org_id", "=", orgId)
    .where("person_id", "=", personId)
    .execute();
  return rows.map((r) => ({ teamId: r.team_id, start: r.start_date, end: r.end_date }));
}

/** Every membership of the org by person: imports resolve credit for many rows without a query each. */
export async function membershipsByPerson(q: Q, orgId: string): Promise<Map<string, MembershipSpan[]>> {
  const rows = await q
    .selectFrom("team_memberships")
    .select(["person_id", "team_id", "start_date", "end_date"])
    .where("org_id", "=", orgId)
    .execute();
  const map = new Map<string, MembershipSpan[]>();
  for (const r of rows) {
    const list = map.get(r.person_id) ?? [];
    list.push({ teamId: r.team_id, start: r.start_date, end: r.end_date });
    map.set(r.person_id, list);
  }
  return map;
}

/** The team a record counts for: closed work on the day it closed, open work today. */
export async function creditTeam(q: Q, orgId: string, owner: Owner, closedOn: string | null) {
  if (closedOn === null) return owner.teamId;
  return teamOnDate(await membershipsOf(q, orgId, owner.id), closedOn, owner.teamId);
}

/**
 * After `personId` moved to `teamId`: their open work — accounts, contacts, open deals, activities
 * not yet done — now counts for the new team; won and lost deals and done activities keep the
 * team they were credited to. The org module's team move should call this in its transaction.
 */
export async function followOwner(q: Q, personId: string, teamId: string | null): Promise<void> {
  for (const table of ["accounts", "contacts"] as const)
    await q.updateTable(table).set({ team_id: teamId }).where("owner_id", "=", personId).execute();
  await q
    .updateTable("deals")
    .set({ team_id: teamId })
    .where("owner_id", "=", personId)
    .where("status", "=", "open")
    .execute();
  await q
    .updateTable("activities")
    .set({ team_id: teamId })
    .where("owner_id", "=", personId)
    .where("status", "!=", "done")
    .execute();
}

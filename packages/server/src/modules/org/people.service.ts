// The people directory: invite, change role or team (with dated membership history), deactivate.
import type { Membership, PasswordLink, PeopleQuery, Person, PersonCreate, PersonUpdate } from "@oars/core";
import { sql } from "kysely";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import { updateVersioned } from "../../db/versioned";
import type { SignedInCtx } from "../../http/context";
import { forbidden, invalid, notFound } from "../../http/errors";
import { pageOf, readOffsetCursor } from "../../http/pagination";
import { addDaysIso, todayInZone } from "../../lib/dates";
import { assertMayChangePerson, mayAdministerAccount, mayInvite } from "../../policies/org.policy";
import { loadScope } from "../../policies/scope";
import { recordAudit } from "../audit/audit.record";
import { issuePasswordLink } from "../auth/password-links";
import { endSessionsOf } from "../auth/sessions";
import { orgTimeZone } from "./org.service";
import { presentMembership, presentPerson } from "./org.present";

export async function listPeople(ctx: SignedInCtx, query: PeopleQuery) {
  const offset = readOffsetCursor(query.cursor);
  let q = ctx.db.k.selectFrom("people").selectAll().where("org_id", "=", ctx.actor.orgId);
  if (query.teamId) q = q.where("team_id", "=", query.teamId);
  if (query.role) q = q.where("role", "=", query.role);
  if (query.active !== undefined) q = q.where("active", "=", query.active ? 1 : 0);
  if (query.q) {
    const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`(lower(name) like ${like} escape '\\' or email like ${like} escape '\\')`);
  }
  const rows = await q
    .orderBy("name")
    .orderBy("id")
    .limit(query.limit + 1)
    .offset(offset)
    .execute();
  return pageOf(rows.map(presentPerson), query.limit, offset);
}

async function loadPerson(q: Q, orgId: string, id: string) {
  const row = await q
    .selectFrom("people")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Person");
  return row;
}

export async function getPerson(ctx: SignedInCtx, id: string): Promise<Person> {
  return presentPerson(await loadPerson(ctx.db.k, ctx.actor.orgId, id));
}

async function assertTeam(q: Q, orgId: string, teamId: string | null, field = "teamId"): Promise<void> {
  if (teamId === null) return;
  const team = await q
    .selectFrom("teams")
    .select(["id", "archived_at"])
    .where("org_id", "=", orgId)
    .where("id", "=", teamId)
    .executeTakeFirst();
  if (!team) throw invalid(field, "must be a team of this organisation");
  if (team.archived_at !== null) throw invalid(field, "must not be an archived team");
}

async function assertEmailFree(q: Q, email: string, exceptId: string | null = null): Promise<void> {
  let sel = q.selectFrom("people").select("id").where("email", "=", email);
  if (exceptId) sel = sel.where("id", "!=", exceptId);
  if (await sel.executeTakeFirst()) throw invalid("email", "is already used by another person");
}

export async function invitePerson(
  ctx: SignedInCtx,
  input: PersonCreate,
): Promise<{ person: Person; link: PasswordLink }> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const scope = await loadScope(tx, ctx.actor);
    if (!mayInvite(scope, input.teamId, input.role))
      throw forbidden("You may invite people only into your own teams");
    await assertTeam(tx, ctx.actor.orgId, input.teamId);
    await assertEmailFree(tx, input.email);
    const today = todayInZone(await orgTimeZone(tx, ctx.actor.orgId));
    const now = new Date().toISOString();
    const row = {
      id: newId(),
      org_id: ctx.actor.orgId,
      name: input.name,
      email: input.email,
      role: input.role,
      team_id: input.teamId,
      hire_date: input.hireDate,
      capacity_hours_per_week: input.capacityHoursPerWeek,
      active: 1 as const,
      password_hash: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto("people").values(row).execute();
    if (input.teamId)
      await openMembership(
        tx,
        row,
        input.teamId,
        input.hireDate && input.hireDate < today ? input.hireDate : today,
      );
    const person = presentPerson(row);
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "person",
      entityId: row.id,
      action: "invite",
      after: person,
    });
    const link = await issuePasswordLink(tx, ctx, row, "invite", { email: true });
    return { person, link };
  });
}

async function openMembership(
  q: Q,
  person: { id: string; org_id: string },
  teamId: string,
  startDate: string,
) {
  await q
    .insertInto("team_memberships")
    .values({
      id: newId(),
      org_id: person.org_id,
      person_id: person.id,
      team_id: teamId,
      start_date: startDate,
      end_date: null,
    })
    .execute();
}

/**
 * Makes the history end the day before `date`: memberships starting on or after it go (they were
 * planned, never lived), and any running past it ends the day before. Moves, leavers and
 * corrections all go through here, so memberships never overlap.
 */
async function endMembershipsBefore(q: Q, personId: string, date: string): Promise<void> {
  await q
    .deleteFrom("team_memberships")
    .where("person_id", "=", personId)
    .where("start_date", ">=", date)
    .execute();
  await q
    .updateTable("team_memberships")
    .set({ end_date: addDaysIso(date, -1) })
    .where("person_id", "=", personId)
    .where((eb) => eb.or([eb("end_date", "is", null), eb("end_date", ">=", date)]))
    .execute();
}

/** Reactivation: continue a membership of the same team that ended yesterday or later, else open one. */
async function resumeMembership(
  q: Q,
  person: { id: string; org_id: string },
  teamId: string,
  today: string,
): Promise<void> {
  const last = await q
    .selectFrom("team_memberships")
    .selectAll()
    .where("person_id", "=", person.id)
    .orderBy("start_date", "desc")
    .executeTakeFirst();
  if (last && last.team_id === teamId && (last.end_date === null || last.end_date >= addDaysIso(today, -1))) {
    await q.updateTable("team_memberships").set({ end_date: null }).where("id", "=", last.id).execute();
    return;
  }
  await endMembershipsBefore(q, person.id, today);
  await openMembership(q, person, teamId, today);
}

export async function updatePerson(ctx: SignedInCtx, id: string, patch: PersonUpdate): Promise<Person> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const before = await loadPerson(tx, ctx.actor.orgId, id);
    const scope = await loadScope(tx, ctx.actor);
    assertMayChangePerson(scope, { id, role: before.role, teamId: before.team_id }, patch);
    const today = todayInZone(await orgTimeZone(tx, ctx.actor.orgId));
    const set: Record<string, unknown> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.email !== undefined && patch.email !== before.email) {
      await assertEmailFree(tx, patch.email, id);
      set.email = patch.email;
    }
    if (patch.role !== undefined && patch.role !== before.role) {
      if (before.role === "admin") await assertAnotherAdmin(tx, ctx.actor.orgId, id, "role");
      set.role = patch.role;
    }
    if (patch.hireDate !== undefined) set.hire_date = patch.hireDate;
    if (patch.capacityHoursPerWeek !== undefined) set.capacity_hours_per_week = patch.capacityHoursPerWeek;
    const effective = patch.teamChangeDate ?? today;
    if (patch.teamId !== undefined && patch.teamId !== before.team_id) {
      await assertTeam(tx, ctx.actor.orgId, patch.teamId);
      set.team_id = patch.teamId;
      await endMembershipsBefore(tx, id, effective);
      if (patch.teamId && before.active === 1) await openMembership(tx, before, patch.teamId, effective);
    }
    if (patch.active !== undefined && patch.active !== (before.active === 1)) {
      if (!patch.active) {
        if (id === ctx.actor.personId) throw invalid("active", "you cannot deactivate yourself");
        if (before.role === "admin") await assertAnotherAdmin(tx, ctx.actor.orgId, id, "active");
        // A leaver keeps their history: the membership ends today, it is not erased.
        await endMembershipsBefore(tx, id, addDaysIso(today, 1));
        await endSessionsOf(tx, id);
      } else {
        const teamId = (set.team_id as string | null | undefined) ?? before.team_id;
        if (teamId) await resumeMembership(tx, before, teamId, today);
      }
      set.active = patch.active ? 1 : 0;
    }
    await updateVersioned(
      tx,
      "people",
      { id, orgId: ctx.actor.orgId, version: patch.version },
      set,
      "Person",
    );
    const after = await loadPerson(tx, ctx.actor.orgId, id);
    const action =
      set.active === 0
        ? "deactivate"
        : set.active === 1
          ? "reactivate"
          : set.team_id !== undefined
            ? "move"
            : "update";
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "person",
      entityId: id,
      action,
      before: presentPerson(before),
      after: presentPerson(after),
    });
    return presentPerson(after);
  });
}

async function assertAnotherAdmin(q: Q, orgId: string, exceptId: string, field: string): Promise<void> {
  const other = await q
    .selectFrom("people")
    .select("id")
    .where("org_id", "=", orgId)
    .where("role", "=", "admin")
    .where("active", "=", 1)
    .where("id", "!=", exceptId)
    .executeTakeFirst();
  if (!other) throw invalid(field, "the organisation needs at least one active admin");
}

export async function listMemberships(ctx: SignedInCtx, id: string): Promise<Membership[]> {
  await loadPerson(ctx.db.k, ctx.actor.orgId, id);
  const rows = await ctx.db.k
    .selectFrom("team_memberships")
    .selectAll()
    .where("org_id", "=", ctx.actor.orgId)
    .where("person_id", "=", id)
    .orderBy("start_date")
    .execute();
  return rows.map(presentMembership);
}

export async function issueLinkFor(ctx: SignedInCtx, id: string): Promise<PasswordLink> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const person = await loadPerson(tx, ctx.actor.orgId, id);
    if (!mayAdministerAccount(await loadScope(tx, ctx.actor)))
      throw forbidden("Only an admin issues password links");
    if (person.active !== 1) throw invalid("id", "the person is deactivated; reactivate them first");
    const purpose = person.password_hash === null ? "invite" : "reset";
    const link = await issuePasswordLink(tx, ctx, person, purpose, { email: true });
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "person",
      entityId: id,
      action: `${purpose}-link`,
    });
    return link;
  });
}

export async function endSessionsFor(ctx: SignedInCtx, id: string): Promise<number> {
  return ctx.db.k.transaction().execute(async (tx) => {
    await loadPerson(tx, ctx.actor.orgId, id);
    if (!mayAdministerAccount(await loadScope(tx, ctx.actor)))
      throw forbidden("Only an admin ends someone's sessions");
    const ended = await endSessionsOf(tx, id);
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "person",
      entityId: id,
      action: "end-sessions",
      after: { ended },
    });
    return ended;
  });
}

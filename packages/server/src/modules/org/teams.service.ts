// The team tree: any depth, each team with a lead; create, rename, move and archive.
import { wouldCycle, type Team, type TeamCreate, type TeamUpdate } from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import { updateVersioned } from "../../db/versioned";
import type { SignedInCtx } from "../../http/context";
import { forbidden, invalid, notFound } from "../../http/errors";
import { mayChangeTeam, mayCreateTeam } from "../../policies/org.policy";
import { loadScope } from "../../policies/scope";
import { recordAudit } from "../audit/audit.record";
import { presentTeam } from "./org.present";

export async function listTeams(ctx: SignedInCtx, includeArchived: boolean): Promise<Team[]> {
  let q = ctx.db.k.selectFrom("teams").selectAll().where("org_id", "=", ctx.actor.orgId);
  if (!includeArchived) q = q.where("archived_at", "is", null);
  const rows = await q.orderBy("name").orderBy("id").execute();
  return rows.map(presentTeam);
}

async function loadTeam(q: Q, orgId: string, id: string) {
  const row = await q
    .selectFrom("teams")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Team");
  return row;
}

export async function getTeam(ctx: SignedInCtx, id: string): Promise<Team> {
  return presentTeam(await loadTeam(ctx.db.k, ctx.actor.orgId, id));
}

async function assertLead(q: Q, orgId: string, leadId: string | null): Promise<void> {
  if (leadId === null) return;
  const lead = await q
    .selectFrom("people")
    .select("id")
    .where("org_id", "=", orgId)
    .where("id", "=", leadId)
    .where("active", "=", 1)
    .executeTakeFirst();
  if (!lead) throw invalid("leadId", "must be an active person of this organisation");
}

async function assertParent(q: Q, orgId: string, parentId: string | null): Promise<void> {
  if (parentId === null) return;
  const parent = await q
    .selectFrom("teams")
    .select(["id", "archived_at"])
    .where("org_id", "=", orgId)
    .where("id", "=", parentId)
    .executeTakeFirst();
  if (!parent) throw invalid("parentId", "must be a team of this organisation");
  if (parent.archived_at !== null) throw invalid("parentId", "must not be an archived team");
}

export async function createTeam(ctx: SignedInCtx, input: TeamCreate): Promise<Team> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const scope = await loadScope(tx, ctx.actor);
    if (!mayCreateTeam(scope, input.parentId))
      throw forbidden("You may create teams only inside your own subtree");
    await assertParent(tx, ctx.actor.orgId, input.parentId);
    await assertLead(tx, ctx.actor.orgId, input.leadId);
    const now = new Date().toISOString();
    const row = {
      id: newId(),
      org_id: ctx.actor.orgId,
      name: input.name,
      parent_id: input.parentId,
      lead_id: input.leadId,
      archived_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto("teams").values(row).execute();
    const team = presentTeam(row);
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "team",
      entityId: row.id,
      action: "create",
      after: team,
    });
    return team;
  });
}

export async function updateTeam(ctx: SignedInCtx, id: string, patch: TeamUpdate): Promise<Team> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const before = await loadTeam(tx, ctx.actor.orgId, id);
    const scope = await loadScope(tx, ctx.actor);
    if (!mayChangeTeam(scope, id)) throw forbidden("You may change only the teams below your own");
    const set: {
      name?: string;
      parent_id?: string | null;
      lead_id?: string | null;
      archived_at?: string | null;
    } = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.parentId !== undefined && patch.parentId !== before.parent_id) {
      await assertParent(tx, ctx.actor.orgId, patch.parentId);
      if (wouldCycle(scope.teams, id, patch.parentId))
        throw invalid("parentId", "must not be the team itself or one of its sub-teams");
      if (!mayCreateTeam(scope, patch.parentId))
        throw forbidden("You may move a team only within your own subtree");
      set.parent_id = patch.parentId;
    }
    if (patch.leadId !== undefined) {
      await assertLead(tx, ctx.actor.orgId, patch.leadId);
      set.lead_id = patch.leadId;
    }
    if (patch.archived !== undefined && patch.archived !== (before.archived_at !== null)) {
      if (patch.archived) await assertArchivable(tx, ctx.actor.orgId, id);
      set.archived_at = patch.archived ? new Date().toISOString() : null;
    }
    await updateVersioned(tx, "teams", { id, orgId: ctx.actor.orgId, version: patch.version }, set, "Team");
    const after = await loadTeam(tx, ctx.actor.orgId, id);
    const action =
      set.parent_id !== undefined
        ? "move"
        : set.archived_at !== undefined
          ? patch.archived
            ? "archive"
            : "restore"
          : "update";
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "team",
      entityId: id,
      action,
      before: presentTeam(before),
      after: presentTeam(after),
    });
    return presentTeam(after);
  });
}

async function assertArchivable(q: Q, orgId: string, id: string): Promise<void> {
  const child = await q
    .selectFrom("teams")
    .select("id")
    .where("org_id", "=", orgId)
    .where("parent_id", "=", id)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  if (child) throw invalid("archived", "archive or move its sub-teams first");
  const member = await q
    .selectFrom("people")
    .select("id")
    .where("org_id", "=", orgId)
    .where("team_id", "=", id)
    .where("active", "=", 1)
    .executeTakeFirst();
  if (member) throw invalid("archived", "move its active people to another team first");
}

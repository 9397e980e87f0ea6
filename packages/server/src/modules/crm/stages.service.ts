// The org's pipeline: ordered stages, each with a default probability, a kind (open, won, lost)
// and a forecast category. Defaults ship on first use; admins change them.
import type { Stage, StageCreate, StageUpdate } from "@oars/core";
import { sql } from "kysely";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import { updateVersioned } from "../../db/versioned";
import type { SignedInCtx } from "../../http/context";
import { forbidden, invalid, notFound } from "../../http/errors";
import { mayChangeCatalogue } from "../../policies/crm.policy";
import { loadScope } from "../../policies/scope";
import { recordAudit } from "../audit/audit.record";
import type { PipelineStagesTable } from "./crm.schema";
import { presentStage } from "./crm.present";

export const DEFAULT_STAGES: Pick<
  PipelineStagesTable,
  "name" | "probability" | "kind" | "forecast_category"
>[] = [
  { name: "Prospecting", probability: 10, kind: "open", forecast_category: "pipeline" },
  { name: "Qualification", probability: 20, kind: "open", forecast_category: "pipeline" },
  { name: "Needs analysis", probability: 40, kind: "open", forecast_category: "pipeline" },
  { name: "Proposal", probability: 60, kind: "open", forecast_category: "best_case" },
  { name: "Negotiation", probability: 80, kind: "open", forecast_category: "commit" },
  { name: "Closed won", probability: 100, kind: "won", forecast_category: "closed" },
  { name: "Closed lost", probability: 0, kind: "lost", forecast_category: "closed" },
];

/** The org's stages in order, creating the defaults the first time. The no-op update takes the
 * org row's lock on PostgreSQL, so two first requests never both create them. */
export async function ensureStages(q: Q, orgId: string): Promise<PipelineStagesTable[]> {
  const load = () =>
    q.selectFrom("pipeline_stages").selectAll().where("org_id", "=", orgId).orderBy("position").execute();
  const found = await load();
  if (found.length > 0) return found;
  await sql`update orgs set version = version where id = ${orgId}`.execute(q);
  const again = await load();
  if (again.length > 0) return again;
  const now = new Date().toISOString();
  const rows = DEFAULT_STAGES.map((s, i) => ({
    id: newId(),
    org_id: orgId,
    ...s,
    position: i + 1,
    archived_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  }));
  await q.insertInto("pipeline_stages").values(rows).execute();
  return rows;
}

export async function listStages(ctx: SignedInCtx, includeArchived: boolean): Promise<Stage[]> {
  const rows = await ctx.db.k.transaction().execute((tx) => ensureStages(tx, ctx.actor.orgId));
  return rows.filter((r) => includeArchived || r.archived_at === null).map(presentStage);
}

async function assertAdmin(q: Q, ctx: SignedInCtx): Promise<void> {
  if (!mayChangeCatalogue(await loadScope(q, ctx.actor)))
    throw forbidden("Only an admin changes the pipeline, products and exchange rates");
}

async function loadStage(q: Q, orgId: string, id: string): Promise<PipelineStagesTable> {
  const row = await q
    .selectFrom("pipeline_stages")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Stage");
  return row;
}

function assertCategory(kind: string, category: string | undefined): void {
  if (category === undefined) return;
  if ((kind === "open") === (category === "closed"))
    throw invalid(
      "forecastCategory",
      kind === "open" ? "closed is for won and lost stages" : "must be closed",
    );
}

export async function createStage(ctx: SignedInCtx, input: StageCreate): Promise<Stage> {
  return ctx.db.k.transaction().execute(async (tx) => {
    await assertAdmin(tx, ctx);
    const existing = await ensureStages(tx, ctx.actor.orgId);
    assertCategory(input.kind, input.forecastCategory);
    if (existing.some((s) => s.name.toLowerCase() === input.name.toLowerCase()))
      throw invalid("name", "another stage has this name");
    const now = new Date().toISOString();
    const row: PipelineStagesTable = {
      id: newId(),
      org_id: ctx.actor.orgId,
      name: input.name,
      // New stages go before the first closed one: that is where an open stage belongs.
      position: 0,
      probability: input.probability,
      kind: input.kind,
      forecast_category: input.forecastCategory ?? (input.kind === "open" ? "pipeline" : "closed"),
      archived_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    const order = [...existing];
    const firstClosed = order.findIndex((s) => s.kind !== "open");
    order.splice(input.kind === "open" && firstClosed >= 0 ? firstClosed : order.length, 0, row);
    row.position = order.indexOf(row) + 1;
    await tx.insertInto("pipeline_stages").values(row).execute();
    await renumber(tx, order);
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "stage",
      entityId: row.id,
      action: "create",
      after: presentStage(row),
    });
    return presentStage(row);
  });
}

async function renumber(q: Q, order: { id: string; position: number }[]): Promise<void> {
  for (const [i, s] of order.entries())
    if (s.position !== i + 1)
      await q
        .updateTable("pipeline_stages")
        .set({ position: i + 1 })
        .where("id", "=", s.id)
        .execute();
}

export async function updateStage(ctx: SignedInCtx, id: string, patch: StageUpdate): Promise<Stage> {
  return ctx.db.k.transaction().execute(async (tx) => {
    await assertAdmin(tx, ctx);
    const before = await loadStage(tx, ctx.actor.orgId, id);
    assertCategory(before.kind, patch.forecastCategory);
    const set: Partial<PipelineStagesTable> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.probability !== undefined) set.probability = patch.probability;
    if (patch.forecastCategory !== undefined) set.forecast_category = patch.forecastCategory;
    if (patch.archived !== undefined && patch.archived !== (before.archived_at !== null)) {
      if (patch.archived) await assertNotLastOfKind(tx, before);
      set.archived_at = patch.archived ? new Date().toISOString() : null;
    }
    await updateVersioned(
      tx,
      "pipeline_stages",
      { id, orgId: ctx.actor.orgId, version: patch.version },
      set,
      "Stage",
    );
    const after = await loadStage(tx, ctx.actor.orgId, id);
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "stage",
      entityId: id,
      action: set.archived_at !== undefined ? (patch.archived ? "archive" : "restore") : "update",
      before: presentStage(before),
      after: presentStage(after),
    });
    return presentStage(after);
  });
}

/** A pipeline always keeps one open, one won and one lost stage to move deals into. */
async function assertNotLastOfKind(q: Q, stage: PipelineStagesTable): Promise<void> {
  const others = await q
    .selectFrom("pipeline_stages")
    .select("id")
    .where("org_id", "=", stage.org_id)
    .where("kind", "=", stage.kind)
    .where("archived_at", "is", null)
    .where("id", "!=", stage.id)
    .execute();
  if (others.length === 0) throw invalid("archived", `the pipeline needs at least one ${stage.kind} stage`);
}

export async function reorderStages(ctx: SignedInCtx, ids: string[]): Promise<Stage[]> {
  return ctx.db.k.transaction().execute(async (tx) => {
    await assertAdmin(tx, ctx);
    const existing = await ensureStages(tx, ctx.actor.orgId);
    const known = new Set(existing.map((s) => s.id));
    if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((i) => !known.has(i)))
      throw invalid("ids", "must list every stage of the pipeline exactly once");
    const order = ids.map((id) => ({ id, position: 0 }));
    await renumber(tx, order);
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "stage",
      entityId: ctx.actor.orgId,
      action: "reorder",
      before: existing.map((s) => s.id),
      after: ids,
    });
    return (await ensureStages(tx, ctx.actor.orgId)).map(presentStage);
  });
}

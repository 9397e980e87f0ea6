// Saved column mappings (per org and entity, by name) and the org's value maps (a CRM's owner ids
// or names to people, its stage names to stages). Everyone who imports reads them; admins and
// managers save them.
import type {
  ImportEntity,
  ImportMapping,
  ImportMappingCreate,
  ImportMappingUpdate,
  ImportOptions,
} from "@oars/core";
import { newId } from "../../../db/ids";
import type { Q } from "../../../db/tx";
import { updateVersioned } from "../../../db/versioned";
import type { SignedInCtx } from "../../../http/context";
import { forbidden, invalid, notFound } from "../../../http/errors";
import { mayImport } from "../../../policies/crm.policy";
import { loadScope } from "../../../policies/scope";
import { recordAudit } from "../../audit/audit.record";
import type { ImportMappingsTable } from "../crm.schema";
import { nameKey } from "../text";

function present(r: ImportMappingsTable): ImportMapping {
  return {
    id: r.id,
    entity: r.entity as ImportEntity,
    name: r.name,
    columns: JSON.parse(r.columns) as Record<string, string>,
    options: JSON.parse(r.options) as Record<string, unknown>,
    version: r.version,
  };
}

/** The columns of a saved mapping, checked to be for this entity. */
export async function savedColumns(q: Q, orgId: string, id: string, entity: ImportEntity) {
  const row = await q
    .selectFrom("import_mappings")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row || row.entity !== entity)
    throw invalid("options.mappingId", `must be a saved mapping for ${entity}`);
  return JSON.parse(row.columns) as Record<string, string>;
}

export async function listMappings(
  ctx: SignedInCtx,
  entity: ImportEntity | undefined,
): Promise<ImportMapping[]> {
  let q = ctx.db.k.selectFrom("import_mappings").selectAll().where("org_id", "=", ctx.actor.orgId);
  if (entity) q = q.where("entity", "=", entity);
  return (await q.orderBy("entity").orderBy("name").execute()).map(present);
}

async function assertMayImport(q: Q, ctx: SignedInCtx, entity: ImportEntity): Promise<void> {
  if (!mayImport(await loadScope(q, ctx.actor), entity)) throw forbidden(`You may not import ${entity}`);
}

async function assertNameFree(q: Q, orgId: string, entity: string, name: string, exceptId?: string) {
  let sel = q
    .selectFrom("import_mappings")
    .select("id")
    .where("org_id", "=", orgId)
    .where("entity", "=", entity)
    .where("name", "=", name);
  if (exceptId) sel = sel.where("id", "!=", exceptId);
  if (await sel.executeTakeFirst()) throw invalid("name", `another ${entity} mapping has this name`);
}

export async function createMapping(ctx: SignedInCtx, input: ImportMappingCreate): Promise<ImportMapping> {
  return ctx.db.k.transaction().execute(async (tx) => {
    await assertMayImport(tx, ctx, input.entity);
    await assertNameFree(tx, ctx.actor.orgId, input.entity, input.name);
    const now = new Date().toISOString();
    const row: ImportMappingsTable = {
      id: newId(),
      org_id: ctx.actor.orgId,
      entity: input.entity,
      name: input.name,
      columns: JSON.stringify(input.columns),
      options: JSON.stringify(input.options),
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto("import_mappings").values(row).execute();
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "import_mapping",
      entityId: row.id,
      action: "create",
      after: present(row),
    });
    return present(row);
  });
}

async function loadMapping(q: Q, orgId: string, id: string): Promise<ImportMappingsTable> {
  const row = await q
    .selectFrom("import_mappings")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Mapping");
  return row;
}

export async function updateMapping(
  ctx: SignedInCtx,
  id: string,
  patch: ImportMappingUpdate,
): Promise<ImportMapping> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const before = await loadMapping(tx, ctx.actor.orgId, id);
    await assertMayImport(tx, ctx, before.entity as ImportEntity);
    const set: Partial<ImportMappingsTable> = {};
    if (patch.name !== undefined) {
      await assertNameFree(tx, ctx.actor.orgId, before.entity, patch.name, id);
      set.name = patch.name;
    }
    if (patch.columns !== undefined) set.columns = JSON.stringify(patch.columns);
    if (patch.options !== undefined) set.options = JSON.stringify(patch.options);
    await updateVersioned(
      tx,
      "import_mappings",
      { id, orgId: ctx.actor.orgId, version: patch.version },
      set,
      "Mapping",
    );
    const after = present(await loadMapping(tx, ctx.actor.orgId, id));
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "import_mapping",
      entityId: id,
      action: "update",
      before: present(before),
      after,
    });
    return after;
  });
}

export async function deleteMapping(ctx: SignedInCtx, id: string): Promise<void> {
  await ctx.db.k.transaction().execute(async (tx) => {
    const before = await loadMapping(tx, ctx.actor.orgId, id);
    await assertMayImport(tx, ctx, before.entity as ImportEntity);
    await tx.deleteFrom("import_mappings").where("id", "=", id).execute();
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "import_mapping",
      entityId: id,
      action: "delete",
      before: present(before),
    });
  });
}

export const listValueMap = (ctx: SignedInCtx, kind: "owner" | "stage") =>
  listValueMapIn(ctx.db.k, ctx.actor.orgId, kind);

/** Sets or (targetId null) forgets entries; targets must be this org's people or stages. */
export async function putValueMap(
  ctx: SignedInCtx,
  kind: "owner" | "stage",
  entries: { source: string; targetId: string | null }[],
) {
  return ctx.db.k.transaction().execute(async (tx) => {
    await assertMayImport(tx, ctx, "deals");
    const table = kind === "owner" ? "people" : "pipeline_stages";
    for (const [i, e] of entries.entries()) {
      const key = nameKey(e.source);
      if (e.targetId !== null) {
        const target = await tx
          .selectFrom(table)
          .select("id")
          .where("org_id", "=", ctx.actor.orgId)
          .where("id", "=", e.targetId)
          .executeTakeFirst();
        if (!target)
          throw invalid(
            `entries.${i}.targetId`,
            `must be a ${kind === "owner" ? "person" : "stage"} of this organisation`,
          );
      }
      await tx
        .deleteFrom("import_value_maps")
        .where("org_id", "=", ctx.actor.orgId)
        .where("kind", "=", kind)
        .where("source_key", "=", key)
        .execute();
      if (e.targetId !== null)
        await tx
          .insertInto("import_value_maps")
          .values({
            id: newId(),
            org_id: ctx.actor.orgId,
            kind,
            source_key: key,
            target_id: e.targetId,
            created_at: new Date().toISOString(),
          })
          .execute();
    }
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "import_value_map",
      entityId: kind,
      action: "update",
      after: entries,
    });
    return listValueMapIn(tx, ctx.actor.orgId, kind);
  });
}

async function listValueMapIn(q: Q, orgId: string, kind: "owner" | "stage") {
  const rows = await q
    .selectFrom("import_value_maps")
    .select(["source_key", "target_id"])
    .where("org_id", "=", orgId)
    .where("kind", "=", kind)
    .orderBy("source_key")
    .execute();
  return rows.map((r) => ({ source: r.source_key, targetId: r.target_id }));
}

/** Remembers this run's owner and stage maps for the org's next imports. */
export async function saveValueMaps(q: Q, orgId: string, options: ImportOptions): Promise<void> {
  for (const [kind, map] of [
    ["owner", options.ownerMap],
    ["stage", options.stageMap],
  ] as const)
    for (const [source, target] of Object.entries(map)) {
      const key = nameKey(source);
      await q
        .deleteFrom("import_value_maps")
        .where("org_id", "=", orgId)
        .where("kind", "=", kind)
        .where("source_key", "=", key)
        .execute();
      await q
        .insertInto("import_value_maps")
        .values({
          id: newId(),
          org_id: orgId,
          kind,
          source_key: key,
          target_id: target,
          created_at: new Date().toISOString(),
        })
        .execute();
    }
}

// Plan templates: the built-in personas and the plans an admin saved as the org's own, and the
// pre-filled content a new plan gets from one.
import {
  PLAN_TEMPLATES,
  addDays,
  addMonths,
  builtinTemplate,
  draftFromSavedTemplate,
  savedTemplateBody,
  savedTemplateEnd,
  templateInputValues,
  type PlanDraft,
  type PlanTemplate,
  type PlanTemplateDefinition,
  type SaveAsTemplate,
  type SavedTemplateBody,
  type TemplateContext,
} from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import { updateVersioned } from "../../db/versioned";
import type { SignedInCtx } from "../../http/context";
import { forbidden, invalid, notFound } from "../../http/errors";
import { todayInZone } from "../../lib/dates";
import { mayManagePlanningSetup } from "../../policies/plans.policy";
import { loadScope } from "../../policies/scope";
import { recordAudit } from "../audit/audit.record";
import { readPlan } from "./plan-access";
import { presentInitiative, presentObjective } from "./plans.present";
import { planInitiativeRows, planObjectiveRows } from "./plans.repo";
import type { PlanTemplatesTable } from "./plans.schema";

function presentBuiltin(def: PlanTemplateDefinition, currency: string, today: string): PlanTemplate {
  const months = templateInputValues(def).horizonMonths ?? 12;
  const sample = def.build(templateInputValues(def), {
    horizonStart: today,
    horizonEnd: addDays(addMonths(today, months), -1),
    currency,
    ownerType: def.ownerType,
    ownerId: "owner",
    headcount: 1,
  });
  return {
    key: def.key,
    source: "builtin",
    name: def.name,
    persona: def.persona,
    description: def.description,
    ownerType: def.ownerType,
    inputs: [...def.inputs],
    objectiveTitles: sample.objectives.map((o) => o.title),
    initiativeTitles: sample.initiatives.map((i) => i.title),
    version: 1,
    createdAt: null,
  };
}

function presentSaved(r: PlanTemplatesTable): PlanTemplate {
  const body = JSON.parse(r.body) as SavedTemplateBody;
  return {
    key: r.id,
    source: "org",
    name: r.name,
    persona: r.persona,
    description: r.description,
    ownerType: r.owner_type,
    inputs: [],
    objectiveTitles: body.objectives.map((o) => o.title),
    initiativeTitles: body.initiatives.map((i) => i.title),
    version: r.version,
    createdAt: r.created_at,
  };
}

export async function listTemplates(ctx: SignedInCtx): Promise<PlanTemplate[]> {
  const org = await ctx.db.k
    .selectFrom("orgs")
    .select(["currency", "time_zone"])
    .where("id", "=", ctx.actor.orgId)
    .executeTakeFirst();
  const today = todayInZone(org?.time_zone ?? "UTC");
  const saved = await ctx.db.k
    .selectFrom("plan_templates")
    .selectAll()
    .where("org_id", "=", ctx.actor.orgId)
    .orderBy("name")
    .orderBy("id")
    .execute();
  return [
    ...PLAN_TEMPLATES.map((t) => presentBuiltin(t, org?.currency ?? "USD", today)),
    ...saved.map(presentSaved),
  ];
}

export interface ResolvedTemplate {
  /** The default end of a plan starting on `start` made from this template. */
  defaultEnd(start: string): string;
  build(ctx: TemplateContext): PlanDraft;
}

/** The template behind a templateKey, with its inputs checked; 400 on templateKey when unknown. */
export async function resolveTemplate(
  q: Q,
  orgId: string,
  key: string,
  inputs: Readonly<Record<string, number>> | undefined,
): Promise<ResolvedTemplate> {
  const def = builtinTemplate(key);
  if (def) {
    const values = templateInputValues(def, inputs);
    const months = values.horizonMonths ?? 12;
    return {
      defaultEnd: (start) => addDays(addMonths(start, months), -1),
      build: (c) => def.build(values, c),
    };
  }
  const saved = await q
    .selectFrom("plan_templates")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", key)
    .executeTakeFirst();
  if (!saved) throw invalid("templateKey", "is not a template of this organisation");
  if (inputs && Object.keys(inputs).length > 0)
    throw invalid("templateInputs", "a saved template asks for no numbers");
  const body = JSON.parse(saved.body) as SavedTemplateBody;
  return {
    defaultEnd: (start) => savedTemplateEnd(body, start),
    build: (c) => draftFromSavedTemplate(body, c),
  };
}

export async function saveAsTemplate(
  ctx: SignedInCtx,
  planId: string,
  input: SaveAsTemplate,
): Promise<PlanTemplate> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const { row, scope } = await readPlan(tx, ctx, planId);
    if (!mayManagePlanningSetup(scope)) throw forbidden("Only an admin saves org templates");
    const objectives = (await planObjectiveRows(tx, ctx.actor.orgId, planId)).map(presentObjective);
    const initiatives = (await planInitiativeRows(tx, ctx.actor.orgId, planId)).map((i) =>
      presentInitiative(i.row, i.objectiveIds),
    );
    const body = savedTemplateBody({
      horizonStart: row.horizon_start,
      horizonEnd: row.horizon_end,
      statement: row.statement,
      objectives,
      initiatives,
    });
    const now = new Date().toISOString();
    const template: PlanTemplatesTable = {
      id: newId(),
      org_id: ctx.actor.orgId,
      name: input.name,
      persona: input.persona,
      description: input.description,
      owner_type: row.owner_type,
      body: JSON.stringify(body),
      created_by: ctx.actor.personId,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto("plan_templates").values(template).execute();
    const presented = presentSaved(template);
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "plan_template",
      entityId: template.id,
      action: "create",
      after: { ...presented, fromPlan: planId },
    });
    return presented;
  });
}

export async function deleteTemplate(ctx: SignedInCtx, key: string, version: number): Promise<void> {
  await ctx.db.k.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom("plan_templates")
      .selectAll()
      .where("org_id", "=", ctx.actor.orgId)
      .where("id", "=", key)
      .executeTakeFirst();
    if (!row) throw notFound("Template");
    if (!mayManagePlanningSetup(await loadScope(tx, ctx.actor)))
      throw forbidden("Only an admin removes org templates");
    // Bump the version first so a stale delete answers 409 like any stale write.
    await updateVersioned(tx, "plan_templates", { id: key, orgId: ctx.actor.orgId, version }, {}, "Template");
    await tx.deleteFrom("plan_templates").where("id", "=", key).execute();
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "plan_template",
      entityId: key,
      action: "delete",
      before: presentSaved(row),
    });
  });
}

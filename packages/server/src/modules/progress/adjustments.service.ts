// Managers' forecast adjustments: per objective and forecast category (commit, best case,
// pipeline) an amount up or down with a note, audited and kept as history; the latest per category
// is added to the weighted pipeline in the objective's forecast.
import {
  FORECAST_CATEGORIES,
  metricByKey,
  type ForecastAdjustment,
  type ForecastAdjustmentCreate,
  type ForecastAdjustmentList,
  type ForecastAdjustmentRecord,
} from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import type { SignedInCtx } from "../../http/context";
import { forbidden, invalid } from "../../http/errors";
import { recordAudit } from "../audit/audit.record";
import { loadObjectiveRow } from "../plans/objectives.service";
import { readPlan } from "../plans/plan-access";
import type { ForecastAdjustmentsTable } from "./progress.schema";
import "./progress.schema";

/** The adjustment in force per category: the latest one recorded. */
export async function currentAdjustments(
  q: Q,
  orgId: string,
  objectiveId: string,
): Promise<ForecastAdjustment[]> {
  const rows = await q
    .selectFrom("forecast_adjustments")
    .select(["category", "amount_minor"])
    .where("org_id", "=", orgId)
    .where("objective_id", "=", objectiveId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  const seen = new Set<string>();
  const out: ForecastAdjustment[] = [];
  for (const r of rows) {
    if (seen.has(r.category)) continue;
    seen.add(r.category);
    out.push({ category: r.category, amountMinor: Number(r.amount_minor) });
  }
  return out;
}

const present = (r: ForecastAdjustmentsTable): ForecastAdjustmentRecord => ({
  id: r.id,
  objectiveId: r.objective_id,
  category: r.category,
  amountMinor: Number(r.amount_minor),
  note: r.note,
  personId: r.person_id,
  createdAt: r.created_at,
});

export async function listAdjustments(
  ctx: SignedInCtx,
  objectiveId: string,
): Promise<ForecastAdjustmentList> {
  const row = await loadObjectiveRow(ctx.db.k, ctx.actor.orgId, objectiveId);
  await readPlan(ctx.db.k, ctx, row.plan_id);
  const items = await ctx.db.k
    .selectFrom("forecast_adjustments")
    .selectAll()
    .where("org_id", "=", ctx.actor.orgId)
    .where("objective_id", "=", objectiveId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  const current = { commit: 0, best_case: 0, pipeline: 0 };
  for (const c of FORECAST_CATEGORIES) {
    const latest = items.find((i) => i.category === c);
    current[c] = latest ? Number(latest.amount_minor) : 0;
  }
  return { current, items: items.map(present) };
}

/** A manager of the objective's scope (its owning team's subtree, or the owning person's team) or an admin. */
export async function addAdjustment(
  ctx: SignedInCtx,
  objectiveId: string,
  input: ForecastAdjustmentCreate,
): Promise<ForecastAdjustmentRecord> {
  const orgId = ctx.actor.orgId;
  const row = await loadObjectiveRow(ctx.db.k, orgId, objectiveId);
  const { row: plan, scope } = await readPlan(ctx.db.k, ctx, row.plan_id);
  const ownerType = row.owner_type ?? plan.owner_type;
  const ownerId = row.owner_id ?? plan.owner_id;
  let teamId: string | null = ownerId;
  if (ownerType === "person")
    teamId =
      (
        await ctx.db.k
          .selectFrom("people")
          .select("team_id")
          .where("org_id", "=", orgId)
          .where("id", "=", ownerId)
          .executeTakeFirst()
      )?.team_id ?? null;
  const manages =
    scope.isAdmin || (ctx.actor.role === "manager" && teamId !== null && scope.writableTeams.has(teamId));
  if (!manages) throw forbidden("Only a manager of this objective's team adjusts its forecast");
  if (metricByKey(row.metric_key ?? "")?.forecast !== "pipeline")
    throw invalid("category", "only an objective forecast from the pipeline (revenue won) takes adjustments");
  const rec: ForecastAdjustmentsTable = {
    id: newId(),
    org_id: orgId,
    objective_id: objectiveId,
    category: input.category,
    amount_minor: input.amountMinor,
    note: input.note,
    person_id: ctx.actor.personId,
    created_at: new Date().toISOString(),
  };
  await ctx.db.k.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom("forecast_adjustments")
      .select(["amount_minor", "note"])
      .where("org_id", "=", orgId)
      .where("objective_id", "=", objectiveId)
      .where("category", "=", input.category)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .executeTakeFirst();
    await tx.insertInto("forecast_adjustments").values(rec).execute();
    await recordAudit(tx, ctx, orgId, {
      entity: "forecast_adjustment",
      entityId: rec.id,
      action: "create",
      before: before ? { amountMinor: Number(before.amount_minor), note: before.note } : undefined,
      after: { objectiveId, category: rec.category, amountMinor: rec.amount_minor, note: rec.note },
    });
  });
  return present(rec);
}

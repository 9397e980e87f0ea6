// The funnel assumptions a plan starts from: the org's saved defaults, else ones derived from the
// pipeline's win probabilities (stage i converts to the next at p(i) ÷ p(i+1), so the rates
// multiply to the first stage's probability), else a textbook funnel.
import { DomainError, reverseFunnel, type FunnelDefaults, type FunnelPlanAssumptions } from "@oars/core";
import type { Q } from "../../db/tx";
import { invalid } from "../../http/errors";
import "../crm/crm.schema";

const TEXTBOOK: FunnelPlanAssumptions = {
  averageDealSizeMinor: 2_500_000,
  stages: [
    { name: "Meeting", conversionToNext: 0.5 },
    { name: "Proposal", conversionToNext: 0.4 },
  ],
  activityRatios: [{ activity: "calls", perStage: "Meeting", count: 8 }],
  revenueTargetMinor: null,
  peopleCount: null,
  winRate: null,
  cycleLengthDays: null,
};

async function fromPipeline(q: Q, orgId: string): Promise<FunnelPlanAssumptions | null> {
  const stages = await q
    .selectFrom("pipeline_stages")
    .select(["name", "probability"])
    .where("org_id", "=", orgId)
    .where("kind", "=", "open")
    .where("archived_at", "is", null)
    .orderBy("position")
    .execute();
  if (stages.length === 0 || stages.some((s) => s.probability <= 0 || s.probability > 100)) return null;
  const first = stages[0]?.name ?? "";
  return {
    ...TEXTBOOK,
    stages: stages.map((s, i) => {
      const next = stages[i + 1]?.probability ?? 100;
      return {
        name: s.name,
        conversionToNext: Math.min(1, Math.round((s.probability / next) * 1000) / 1000),
      };
    }),
    activityRatios: [{ activity: "calls", perStage: first, count: 5 }],
  };
}

export async function funnelDefaults(q: Q, orgId: string): Promise<FunnelDefaults> {
  const saved = await q
    .selectFrom("funnel_defaults")
    .selectAll()
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  if (saved)
    return {
      assumptions: JSON.parse(saved.assumptions) as FunnelPlanAssumptions,
      source: "org",
      version: saved.version,
    };
  return { assumptions: (await fromPipeline(q, orgId)) ?? TEXTBOOK, source: "builtin", version: null };
}

/** Runs the funnel once on the assumptions so a bad rate is refused naming `assumptions.<field>`. */
export function assertAssumptions(a: FunnelPlanAssumptions): void {
  try {
    reverseFunnel({
      revenueTargetMinor: a.revenueTargetMinor ?? 0,
      averageDealSizeMinor: a.averageDealSizeMinor,
      stages: a.stages,
      activityRatios: a.activityRatios,
      peopleCount: a.peopleCount ?? 1,
      periods: [{ key: "check", label: "check", start: "2026-01-05", end: "2026-01-11", workingDays: 5 }],
    });
  } catch (e) {
    if (e instanceof DomainError)
      throw invalid(`assumptions.${e.field}`, e.message.slice(e.field.length + 2));
    throw e;
  }
  if (a.stages.length === 0) throw invalid("assumptions.stages", "must hold at least one stage");
  for (const [field, v] of [
    ["winRate", a.winRate],
    ["cycleLengthDays", a.cycleLengthDays],
  ] as const) {
    if (v !== null && (!Number.isFinite(v) || v < 0 || (field === "winRate" && v > 1)))
      throw invalid(
        `assumptions.${field}`,
        field === "winRate" ? "must be a share from 0 to 1" : "must be a number of days, 0 or more",
      );
  }
}

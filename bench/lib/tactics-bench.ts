// The target-splitting benchmark: an org target split over N people × 52 weeks with learned
// seasonality, capacity weights and ramps for the new hires, then saved as milestones — through
// the same service the API calls (validation, facts, the core split, one transaction of bulk
// inserts, audit). Measures the pure split, the save, a replacing save and reading the grid back.
import { RAMP_PRESETS, splitTargetGrid, periodsBetween, type SplitSave } from "../../packages/core/src/index";
import { loadConfig } from "../../packages/server/src/config";
import type { Db } from "../../packages/server/src/db/database";
import type { SignedInCtx } from "../../packages/server/src/http/context";
import { getSplit, saveSplit, splitSetup } from "../../packages/server/src/modules/tactics/splits.service";
import { buildTacticsWorld } from "./tactics-world";

export interface TacticsFigures {
  engine: string;
  people: number;
  periods: number;
  milestones: number;
  coreSplitMs: number;
  setupMs: number;
  saveMs: number;
  saveRowsPerSecond: number;
  resaveMs: number;
  loadMs: number;
  gap: number;
}

const time = async <T>(fn: () => Promise<T> | T): Promise<[T, number]> => {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
};

export async function tacticsSplitBench(db: Db, engine: string, people: number): Promise<TacticsFigures> {
  const year = 2027;
  const w = await buildTacticsWorld(db, { people, teamSize: 10, year });
  const ctx: SignedInCtx = {
    db,
    config: loadConfig({ OARS_LOG_LEVEL: "silent" }),
    mailer: null,
    actor: {
      personId: w.adminId,
      orgId: w.orgId,
      role: "admin",
      teamId: null,
      name: "Bench Admin",
      email: "bench.admin@bench.example",
      via: "token",
      sessionId: null,
      csrfToken: null,
      tokenScope: "read-write",
    },
    requestId: "bench",
    ip: null,
    origin: "http://localhost",
  };
  const [setup, setupMs] = await time(() =>
    splitSetup(ctx, w.tacticalPlanId, { objectiveId: w.objectiveId, rowKind: "person", grain: "week" }),
  );
  const rampCurves = Object.fromEntries(
    setup.rows.filter((r) => r.isNew).map((r) => [r.id, [...RAMP_PRESETS.standard]]),
  );
  const periods = periodsBetween(setup.calendar, setup.start, setup.end, "week");
  const [, coreSplitMs] = await time(() =>
    splitTargetGrid({
      total: setup.total ?? 0,
      owners: setup.rows.map((r) => ({
        id: r.id,
        capacityHoursPerWeek: r.capacityHoursPerWeek,
        hireDate: r.hireDate ?? undefined,
      })),
      ownerMethod: { kind: "capacity" },
      periods,
      periodMethod: {
        kind: "seasonal",
        by: "calendarMonth",
        weights: setup.seasonality.byCalendarMonth,
        calendar: setup.calendar,
      },
      ramp: { curves: rampCurves },
    }),
  );
  const body: SplitSave = {
    objectiveId: w.objectiveId,
    parentMilestoneId: null,
    settings: {
      grain: "week",
      start: setup.start,
      end: setup.end,
      rowKind: "person",
      rows: setup.rows.map((r) => ({ id: r.id })),
      ownerMethod: { kind: "capacity" },
      periodMethod: { kind: "learned" },
      rampCurves,
      rampMode: "redistribute",
      headroomPct: 0,
    },
  };
  const [saved, saveMs] = await time(() => saveSplit(ctx, w.tacticalPlanId, body));
  const [, resaveMs] = await time(() =>
    saveSplit(ctx, w.tacticalPlanId, {
      ...body,
      settings: { ...body.settings, headroomPct: 5 },
      version: saved.version,
    }),
  );
  const [detail, loadMs] = await time(() => getSplit(ctx, saved.id));
  return {
    engine,
    people,
    periods: periods.length,
    milestones: saved.milestoneCount,
    coreSplitMs,
    setupMs,
    saveMs,
    saveRowsPerSecond: saved.milestoneCount / (saveMs / 1000),
    resaveMs,
    loadMs,
    gap: detail.gapToTarget,
  };
}

export function tacticsReport(figures: TacticsFigures[]): string {
  const s = (ms: number) => (ms / 1000).toFixed(2);
  return [
    "| engine | people × weeks | milestones | core split s | setup s | save s | save rows/s | replace s | read back s | gap |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...figures.map(
      (f) =>
        `| ${f.engine} | ${f.people} × ${f.periods} | ${f.milestones} | ${s(f.coreSplitMs)} | ${s(f.setupMs)} | ${s(f.saveMs)} | ${Math.round(f.saveRowsPerSecond)} | ${s(f.resaveMs)} | ${s(f.loadMs)} | ${f.gap} |`,
    ),
  ].join("\n");
}

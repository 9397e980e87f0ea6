// Scheduled work that runs exactly once however many `oars serve` instances share the database:
// every tick, each instance works out each job's current slot per org (an hour, a week) and claims
// it by inserting a scheduled_runs row under a unique (job, org, slot) key — insert-or-nothing, so
// one instance wins and the others move on. Same SQL on SQLite and PostgreSQL.
import { addDays, isoWeekday } from "@oars/core";
import { newId } from "../../db/ids";
import type { Ctx, Services } from "../../http/context";
import { todayInZone } from "../../lib/dates";
import { runProgressAlertsForOrg } from "../progress/alerts.service";
import { sendWeeklyDigests } from "../progress/digest.service";
import "./jobs.schema";

export interface OrgClock {
  timeZone: string;
}

export interface Job {
  name: string;
  /** The slot due at `now` for this org, or null when nothing is due yet. */
  slotAt(now: Date, org: OrgClock): string | null;
  run(ctx: Ctx, orgId: string): Promise<unknown>;
}

/** The hour of the day in a time zone, 0–23. */
function hourIn(timeZone: string, at: Date): number {
  const h = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(at);
  return Number(h);
}

/** The digest goes out from Monday 08:00 in the org's time zone; a server down then catches up later that week. */
export const DIGEST_HOUR = 8;
export function weeklyDigestSlot(now: Date, org: OrgClock): string | null {
  const today = todayInZone(org.timeZone, now);
  const monday = addDays(today, 1 - isoWeekday(today));
  if (today === monday && hourIn(org.timeZone, now) < DIGEST_HOUR) return null;
  return monday;
}

export const JOBS: Job[] = [
  {
    name: "progress-alerts",
    slotAt: (now) => now.toISOString().slice(0, 13),
    run: runProgressAlertsForOrg,
  },
  { name: "weekly-digest", slotAt: weeklyDigestSlot, run: sendWeeklyDigests },
];

export function systemCtx(services: Services, requestId: string): Ctx {
  return {
    ...services,
    actor: null,
    requestId,
    ip: null,
    origin: services.config.publicUrl ?? `http://localhost:${services.config.port}`,
  };
}

/** True when this instance won the run of `job` for `slot`. */
export async function claimRun(
  services: Services,
  run: { job: string; orgId: string; slot: string; instance: string },
): Promise<{ claimed: boolean; id: string }> {
  const id = newId();
  const res = await services.db.k
    .insertInto("scheduled_runs")
    .values({
      id,
      job: run.job,
      org_id: run.orgId,
      slot: run.slot,
      instance: run.instance,
      claimed_at: new Date().toISOString(),
      finished_at: null,
      outcome: null,
    })
    .onConflict((oc) => oc.columns(["job", "org_id", "slot"]).doNothing())
    .executeTakeFirst();
  return { claimed: Number(res.numInsertedOrUpdatedRows ?? 0) === 1, id };
}

export interface RunDone {
  job: string;
  orgId: string;
  slot: string;
  outcome: unknown;
}

/** One tick: every due job of every org that this instance manages to claim, run one after another. */
export async function runDueJobs(
  services: Services,
  opts: { now?: Date; instance: string; jobs?: Job[]; orgIds?: string[] },
): Promise<RunDone[]> {
  const now = opts.now ?? new Date();
  let orgQuery = services.db.k.selectFrom("orgs").select(["id", "time_zone"]).orderBy("id");
  if (opts.orgIds) orgQuery = orgQuery.where("id", "in", opts.orgIds.length ? opts.orgIds : [""]);
  const orgs = await orgQuery.execute();
  const done: RunDone[] = [];
  for (const job of opts.jobs ?? JOBS)
    for (const org of orgs) {
      const slot = job.slotAt(now, { timeZone: org.time_zone });
      if (slot === null) continue;
      const claim = await claimRun(services, { job: job.name, orgId: org.id, slot, instance: opts.instance });
      if (!claim.claimed) continue;
      let outcome: unknown;
      try {
        outcome = await job.run(systemCtx(services, `job-${job.name}-${slot}`), org.id);
      } catch (e) {
        // Claimed and failed: recorded, not retried in this slot (the next slot runs afresh).
        outcome = { error: e instanceof Error ? e.message : String(e) };
      }
      await services.db.k
        .updateTable("scheduled_runs")
        .set({ finished_at: new Date().toISOString(), outcome: JSON.stringify(outcome ?? null) })
        .where("id", "=", claim.id)
        .execute();
      done.push({ job: job.name, orgId: org.id, slot, outcome });
    }
  return done;
}

export interface Scheduler {
  stop(): Promise<void>;
}

/** Ticks every `intervalMs` (first tick at once); a tick never overlaps the one before. */
export function startScheduler(
  services: Services,
  opts: {
    instance?: string;
    intervalMs?: number;
    onError?: (e: unknown) => void;
    jobs?: Job[];
    orgIds?: string[];
  } = {},
): Scheduler {
  const instance = opts.instance ?? `serve-${process.pid}-${newId().slice(-8)}`;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runDueJobs(services, { instance, jobs: opts.jobs, orgIds: opts.orgIds })
      .catch((e: unknown) => opts.onError?.(e))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, opts.intervalMs ?? 60_000);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

// Computed progress (dashboards, an objective's or a plan's progress) kept per reader for the org's
// data version: a warm read costs one indexed lookup of the version, and any audited write bumps
// the version in its own transaction, so the next read on any instance recomputes
// (docs/decisions/008-progress-result-cache.md).
import type { FastifyReply } from "fastify";
import type { z } from "zod";
import type { Db } from "../../db/database";
import type { SignedInCtx } from "../../http/context";
import { currentDataVersion } from "./data-version";

interface Entry {
  version: number;
  expires: number;
  value: Promise<unknown>;
}

/**
 * How long an entry may serve at one data version: figures also move with the clock ("today",
 * this week, the next meeting), and a write that skipped the audit would show after this at most.
 */
export const PROGRESS_CACHE_TTL_MS = 60_000;
/** Entries kept per database handle (one per server instance); the oldest go first. */
const MAX_ENTRIES = 20_000;

// One cache per database handle: an instance's own, and two apps over one database in a test
// behave as two instances.
const caches = new WeakMap<Db, Map<string, Entry>>();

function cacheOf(db: Db): Map<string, Entry> {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new Map()));
  return c;
}

/**
 * `compute`'s result for this reader, recomputed when the org's data version moved since it was
 * computed. The version is read before computing, so a write committed during the computation
 * leaves a newer version behind and the next read recomputes. Concurrent misses share one
 * computation; a failure (a 404, a 400) is not kept.
 */
export async function cachedProgress<T>(
  ctx: SignedInCtx,
  kind: string,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const orgId = ctx.actor.orgId;
  // Read when the request was signed in, if it was (an API token): still before computing.
  const version = ctx.dataVersion ?? (await currentDataVersion(ctx.db, orgId));
  const cache = cacheOf(ctx.db);
  const k = `${orgId}|${kind}|${ctx.actor.personId}|${key}`;
  const now = Date.now();
  const hit = cache.get(k);
  if (hit && hit.version >= version && hit.expires > now) return hit.value as Promise<T>;
  const value = compute();
  const entry: Entry = { version, expires: now + PROGRESS_CACHE_TTL_MS, value };
  cache.delete(k);
  cache.set(k, entry);
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  value.catch(() => {
    if (cache.get(k) === entry) cache.delete(k);
  });
  return value;
}

/**
 * The response body of a progress route, kept as the JSON its response schema serializes to, so a
 * warm read neither recomputes nor re-validates: send it with `sendJson`.
 */
export function cachedJson<S extends z.ZodType>(
  ctx: SignedInCtx,
  kind: string,
  key: string,
  schema: S,
  compute: () => Promise<z.input<S>>,
): Promise<string> {
  return cachedProgress(ctx, kind, key, async () => JSON.stringify(schema.parse(await compute())));
}

/** Sends JSON serialized already (by `cachedJson`, through the route's response schema). */
export function sendJson(reply: FastifyReply, json: string): FastifyReply {
  return reply
    .type("application/json; charset=utf-8")
    .serializer((payload: unknown) => payload as string)
    .send(json);
}

/** Forgets every entry of this database handle (tests, and `oars progress` commands). */
export function clearProgressCache(db: Db): void {
  caches.delete(db);
}

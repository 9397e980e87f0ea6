// Sign-in throttling kept in the database, so it holds across server instances. A key (account and
// address, account alone, or address alone) gets some free failures, then each further failure
// locks it for twice as long as the last, capped so a real user is never kept out for long.
import type { Q } from "../../db/tx";

export interface ThrottleRule {
  key: string;
  freeFailures: number;
  maxLockSeconds: number;
}

/** Failures older than this are forgotten. */
const FORGET_AFTER_MS = 15 * 60_000;

export function signInRules(email: string, ip: string | null): ThrottleRule[] {
  const address = ip ?? "unknown";
  return [
    { key: `account+ip:${email}|${address}`, freeFailures: 5, maxLockSeconds: 300 },
    { key: `account:${email}`, freeFailures: 25, maxLockSeconds: 300 },
    { key: `ip:${address}`, freeFailures: 60, maxLockSeconds: 900 },
  ];
}

/** Seconds until the most restrictive key unlocks, or 0. Cheap: one indexed read, no hashing. */
export async function lockedFor(q: Q, rules: ThrottleRule[], now = Date.now()): Promise<number> {
  const rows = await q
    .selectFrom("login_throttle")
    .select(["locked_until"])
    .where(
      "key",
      "in",
      rules.map((r) => r.key),
    )
    .execute();
  let wait = 0;
  for (const r of rows) {
    if (r.locked_until) wait = Math.max(wait, Math.ceil((Date.parse(r.locked_until) - now) / 1000));
  }
  return wait;
}

export async function recordFailure(q: Q, rules: ThrottleRule[], now = Date.now()): Promise<void> {
  for (const rule of rules) {
    const row = await q
      .selectFrom("login_throttle")
      .select(["failures", "last_failure_at"])
      .where("key", "=", rule.key)
      .executeTakeFirst();
    const stale = !row || now - Date.parse(row.last_failure_at) > FORGET_AFTER_MS;
    const failures = stale ? 1 : row.failures + 1;
    const over = failures - rule.freeFailures;
    const lockSeconds = over > 0 ? Math.min(2 ** (over - 1), rule.maxLockSeconds) : 0;
    const values = {
      failures,
      last_failure_at: new Date(now).toISOString(),
      locked_until: lockSeconds > 0 ? new Date(now + lockSeconds * 1000).toISOString() : null,
    };
    if (row) await q.updateTable("login_throttle").set(values).where("key", "=", rule.key).execute();
    else
      await q
        .insertInto("login_throttle")
        .values({ key: rule.key, ...values })
        .onConflict((oc) => oc.column("key").doUpdateSet(values))
        .execute();
  }
}

/** A successful sign-in clears the account's own keys (not the address's). */
export async function clearAccount(q: Q, rules: ThrottleRule[]): Promise<void> {
  const keys = rules.filter((r) => r.key.startsWith("account")).map((r) => r.key);
  await q.deleteFrom("login_throttle").where("key", "in", keys).execute();
}

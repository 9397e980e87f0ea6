// Bulk create and update: one transaction, all or nothing; an error names the item at fault
// (`create.3.amountMinor`, `update.0.version`) so a client can point at it.
import type { Q } from "../../db/tx";
import type { SignedInCtx } from "../../http/context";
import { AppError } from "../../http/errors";
import { loadScope, type Scope } from "../../policies/scope";

export async function runBulk<C, U extends { id: string }, R>(
  ctx: SignedInCtx,
  input: { create: C[]; update: U[] },
  createIn: (q: Q, ctx: SignedInCtx, scope: Scope, item: C) => Promise<R>,
  updateIn: (q: Q, ctx: SignedInCtx, scope: Scope, id: string, item: U) => Promise<R>,
): Promise<{ created: R[]; updated: R[] }> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const scope = await loadScope(tx, ctx.actor);
    const created: R[] = [];
    for (const [i, item] of input.create.entries())
      created.push(await at(`create.${i}`, () => createIn(tx, ctx, scope, item)));
    const updated: R[] = [];
    for (const [i, item] of input.update.entries())
      updated.push(await at(`update.${i}`, () => updateIn(tx, ctx, scope, item.id, item)));
    return { created, updated };
  });
}

async function at<R>(prefix: string, fn: () => Promise<R>): Promise<R> {
  try {
    return await fn();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const field = err.field ? `${prefix}.${err.field}` : prefix;
    const message = err.field
      ? err.message.replace(`${err.field}:`, `${field}:`)
      : `${prefix}: ${err.message}`;
    throw new AppError(err.code, message, field);
  }
}

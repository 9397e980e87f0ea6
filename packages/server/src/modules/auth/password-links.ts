// One-time links to set a password: an invite (7 days) or a reset (1 hour). Only the SHA-256 of
// the token is stored; issuing a new link voids the person's earlier ones.
import type { PasswordLink } from "@oars/core";
import { newId, newSecret, sha256 } from "../../db/ids";
import type { Q } from "../../db/tx";
import type { Ctx } from "../../http/context";

const LIFETIME_MS = { invite: 7 * 24 * 3_600_000, reset: 3_600_000 } as const;

export async function issuePasswordLink(
  q: Q,
  ctx: Ctx,
  person: { id: string; org_id: string; email: string; name: string },
  purpose: "invite" | "reset",
  { email }: { email: boolean },
): Promise<PasswordLink> {
  const token = newSecret();
  const now = Date.now();
  const expiresAt = new Date(now + LIFETIME_MS[purpose]).toISOString();
  await q
    .updateTable("password_tokens")
    .set({ used_at: new Date(now).toISOString() })
    .where("person_id", "=", person.id)
    .where("used_at", "is", null)
    .execute();
  await q
    .insertInto("password_tokens")
    .values({
      id: newId(),
      org_id: person.org_id,
      person_id: person.id,
      token_hash: sha256(token),
      purpose,
      created_by: ctx.actor?.personId ?? null,
      created_at: new Date(now).toISOString(),
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  const url = `${ctx.origin}/set-password?token=${token}`;
  let emailed = false;
  if (email && ctx.mailer) {
    const subject = purpose === "invite" ? "You are invited to Oars" : "Reset your Oars password";
    const text =
      purpose === "invite"
        ? `Hello ${person.name},\n\nYou have been invited to Oars. Choose your password here (valid 7 days):\n${url}\n`
        : `Hello ${person.name},\n\nSomeone asked to reset your Oars password. If it was you, choose a new one here (valid 1 hour):\n${url}\n\nIf not, ignore this email.\n`;
    await ctx.mailer.send({ to: person.email, subject, text });
    emailed = true;
  }
  return { url, expiresAt, emailed };
}

/** Marks the link used and returns whose it was, or null when unknown, used or expired. */
export async function consumePasswordLink(q: Q, token: string): Promise<{ personId: string } | null> {
  const row = await q
    .selectFrom("password_tokens")
    .select(["id", "person_id", "expires_at", "used_at"])
    .where("token_hash", "=", sha256(token))
    .executeTakeFirst();
  if (!row || row.used_at !== null || Date.parse(row.expires_at) <= Date.now()) return null;
  const res = await q
    .updateTable("password_tokens")
    .set({ used_at: new Date().toISOString() })
    .where("id", "=", row.id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1 ? { personId: row.person_id } : null;
}

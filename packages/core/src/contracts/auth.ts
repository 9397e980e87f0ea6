// Contracts of set-up, sign-in, sessions, passwords and personal API tokens.
import { z } from "zod";
import { Email, Id, Instant, Name } from "./common";
import { Org, OrgSettings, Person } from "./org";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
export const Password = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

export const SetupStatus = z.object({ needsSetup: z.boolean() });
export const SetupInput = z.object({
  org: OrgSettings.partial({ weekStartsOn: true, workingDays: true, holidays: true }),
  admin: z.object({ name: Name, email: Email, password: Password }),
});
export type SetupInput = z.infer<typeof SetupInput>;

export const SignIn = z.object({ email: Email, password: z.string().min(1).max(PASSWORD_MAX) });
export const Session = z.object({
  person: Person,
  org: Org,
  csrfToken: z.string().describe("Send as the x-csrf-token header on cookie-authenticated writes"),
  expiresAt: Instant,
});
export type Session = z.infer<typeof Session>;

export const SetPassword = z.object({ token: z.string().min(16).max(200), password: Password });
export const ChangePassword = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX),
  newPassword: Password,
});
export const ForgotPassword = z.object({ email: Email });

export const TokenScope = z.enum(["read", "read-write"]);
export type TokenScope = z.infer<typeof TokenScope>;
export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  scope: TokenScope,
  createdAt: Instant,
  lastUsedAt: Instant.nullable(),
  revokedAt: Instant.nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
export const ApiTokenCreate = z.object({ name: Name, scope: TokenScope.default("read") });
export const ApiTokenCreated = z.object({ token: ApiToken, secret: z.string().describe("Shown once") });

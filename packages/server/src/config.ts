// The one place that reads process.env: parsed and checked at boot, so a bad setting fails fast
// with a message that names it.
import path from "node:path";
import { z } from "zod";

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(5170),
  HOST: z.string().default("127.0.0.1"),
  OARS_DATA_DIR: z.string().default("data"),
  OARS_DATABASE_URL: z
    .string()
    .optional()
    .refine(
      (u) => u === undefined || /^(postgres|postgresql|sqlite|file):/.test(u),
      "must be postgres://… or sqlite:PATH",
    ),
  OARS_PUBLIC_URL: z.string().url().optional(),
  OARS_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(30),
  OARS_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  OARS_SMTP_URL: z.string().optional(),
  OARS_SMTP_FROM: z.string().default("Oars <oars@localhost>"),
  OARS_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  OARS_TRUST_PROXY: z.stringbool().default(false),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** `postgres://…` for PostgreSQL, otherwise the SQLite file path. */
  database: { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };
  publicUrl: string | undefined;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  smtpUrl: string | undefined;
  smtpFrom: string;
  logLevel: z.infer<typeof Env>["OARS_LOG_LEVEL"];
  trustProxy: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Bad setting ${String(issue?.path.join("."))}: ${issue?.message ?? "invalid"}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.OARS_DATA_DIR);
  const url = e.OARS_DATABASE_URL;
  const database: Config["database"] =
    url && /^postgres(ql)?:/.test(url)
      ? { kind: "postgres", url }
      : {
          kind: "sqlite",
          file: url ? url.replace(/^(sqlite|file):(\/\/)?/, "") : path.join(dataDir, "oars.db"),
        };
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database,
    publicUrl: e.OARS_PUBLIC_URL,
    sessionIdleMs: e.OARS_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.OARS_SESSION_ABSOLUTE_HOURS * 3_600_000,
    smtpUrl: e.OARS_SMTP_URL,
    smtpFrom: e.OARS_SMTP_FROM,
    logLevel: e.OARS_LOG_LEVEL,
    trustProxy: e.OARS_TRUST_PROXY,
    ...overrides,
  };
}

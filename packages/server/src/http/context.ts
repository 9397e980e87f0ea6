// What every service call receives: the database, the settings, who is acting, and the request's
// identity for the audit log. No DI framework: a plain object passed along.
import type { Config } from "../config";
import type { Db } from "../db/database";
import type { Mailer } from "../mail";

export interface Actor {
  personId: string;
  orgId: string;
  role: "admin" | "manager" | "member" | "viewer";
  teamId: string | null;
  name: string;
  email: string;
  via: "session" | "token";
  sessionId: string | null;
  csrfToken: string | null;
  tokenScope: "read" | "read-write" | null;
}

export interface Services {
  db: Db;
  config: Config;
  mailer: Mailer | null;
}

export interface Ctx extends Services {
  actor: Actor | null;
  requestId: string | null;
  ip: string | null;
  /** Where links in emails and invites point: the public URL, else the request's own origin. */
  origin: string;
  /** The actor's org's data version, when read to sign the request in (an API token kept in memory). */
  dataVersion?: number;
}

export interface SignedInCtx extends Ctx {
  actor: Actor;
}

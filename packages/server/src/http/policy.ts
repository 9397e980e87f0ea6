// Route-level policies. Every route declares one in its config; a test walks the live route table
// and fails on any route without one. Record-level rules live in src/policies.
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError, forbidden, unauthenticated } from "./errors";

/**
 * - public: no sign-in (health, set-up, sign-in, docs)
 * - read: any signed-in person or token; record rules decide what they see
 * - write: a change; needs the anti-forgery header with a cookie, a read-write scope with a token
 * - self: a change to one's own account (password, tokens, sign-out): as write, viewers included
 * - admin: admins only (403 for others)
 */
export type Policy = "public" | "read" | "write" | "self" | "admin";

declare module "fastify" {
  interface FastifyContextConfig {
    policy?: Policy;
  }
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export async function enforcePolicy(req: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (req.is404) return;
  const policy = req.routeOptions.config.policy;
  if (policy === undefined) throw new AppError("internal", "route has no policy");
  if (policy === "public") return;
  const actor = req.ctx.actor;
  if (!actor) throw unauthenticated();
  if (!SAFE.has(req.method)) {
    if (actor.via === "session") {
      const sent = req.headers["x-csrf-token"];
      if (typeof sent !== "string" || sent !== actor.csrfToken)
        throw forbidden("Missing or wrong anti-forgery header x-csrf-token");
    } else if (actor.tokenScope !== "read-write") {
      throw forbidden("This API token is read-only");
    }
  }
  if (policy === "admin" && actor.role !== "admin") throw forbidden("Only an admin may do this");
}

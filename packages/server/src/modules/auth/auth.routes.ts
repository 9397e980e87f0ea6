// Set-up, sign-in, sign-out, the current session and passwords.
import {
  ChangePassword,
  ForgotPassword,
  Session,
  SetPassword,
  SetupInput,
  SetupStatus,
  SignIn,
} from "@oars/core";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { App } from "../../http/app";
import type { SignedInCtx } from "../../http/context";
import {
  changePassword,
  currentSession,
  forgotPassword,
  needsSetup,
  setPasswordWithLink,
  setup,
  signIn,
  type SignedIn,
} from "./auth.service";
import { endSession, SESSION_COOKIE } from "./sessions";

const tags = ["auth"];
const client = (req: FastifyRequest) => ({
  ip: req.ip ?? null,
  userAgent: req.headers["user-agent"] ?? null,
});
export const signedIn = (req: FastifyRequest) => req.ctx as SignedInCtx;

export function startCookie(req: FastifyRequest, reply: FastifyReply, s: SignedIn): Session {
  reply.setCookie(SESSION_COOKIE, s.token, {
    httpOnly: true,
    sameSite: "lax",
    secure: req.protocol === "https",
    path: "/",
    expires: new Date(s.session.expiresAt),
  });
  return s.session;
}

export async function authRoutes(app: App): Promise<void> {
  app.get(
    "/api/v1/setup",
    { schema: { tags, response: { 200: SetupStatus } }, config: { policy: "public" } },
    async (req) => ({
      needsSetup: await needsSetup(req.ctx),
    }),
  );

  app.post(
    "/api/v1/setup",
    { schema: { tags, body: SetupInput, response: { 200: Session } }, config: { policy: "public" } },
    async (req, reply) => startCookie(req, reply, await setup(req.ctx, req.body, client(req))),
  );

  app.post(
    "/api/v1/auth/sign-in",
    { schema: { tags, body: SignIn, response: { 200: Session } }, config: { policy: "public" } },
    async (req, reply) =>
      startCookie(req, reply, await signIn(req.ctx, req.body.email, req.body.password, client(req))),
  );

  app.post("/api/v1/auth/sign-out", { schema: { tags }, config: { policy: "self" } }, async (req, reply) => {
    const sessionId = signedIn(req).actor.sessionId;
    if (sessionId) await endSession(req.ctx.db.k, sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.status(204).send();
  });

  app.get(
    "/api/v1/auth/session",
    { schema: { tags, response: { 200: Session } }, config: { policy: "read" } },
    async (req) => currentSession(signedIn(req), null),
  );

  app.post(
    "/api/v1/auth/set-password",
    { schema: { tags, body: SetPassword, response: { 200: Session } }, config: { policy: "public" } },
    async (req, reply) =>
      startCookie(
        req,
        reply,
        await setPasswordWithLink(req.ctx, req.body.token, req.body.password, client(req)),
      ),
  );

  app.post(
    "/api/v1/auth/forgot-password",
    {
      schema: { tags, body: ForgotPassword, response: { 202: z.object({ emailed: z.boolean() }) } },
      config: { policy: "public" },
    },
    async (req, reply) => reply.status(202).send(await forgotPassword(req.ctx, req.body.email)),
  );

  app.post(
    "/api/v1/me/password",
    { schema: { tags, body: ChangePassword }, config: { policy: "self" } },
    async (req, reply) => {
      await changePassword(signedIn(req), req.body.currentPassword, req.body.newPassword);
      return reply.status(204).send();
    },
  );
}

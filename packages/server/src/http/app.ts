// Builds the HTTP server: parse → authenticate → authorize → service → present, errors mapped
// once, OpenAPI from the zod contracts, and the built web app with a single-page fallback.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { IncomingMessage, ServerResponse } from "node:http";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type RawServerDefault,
} from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { DomainError } from "@oars/core";
import { newId } from "../db/ids";
import { actorFromApiTokenKept, actorFromSession, SESSION_COOKIE } from "../modules/auth/sessions";
import { registerRoutes } from "../routes";
import type { Ctx, Services } from "./context";
import { AppError } from "./errors";
import { enforcePolicy, type Policy } from "./policy";

declare module "fastify" {
  interface FastifyRequest {
    ctx: Ctx;
  }
  interface FastifyInstance {
    routeTable: { method: string; url: string; policy: Policy | undefined }[];
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;
const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../web/dist");

export async function buildApp(services: Services, opts: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: services.config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: services.config.trustProxy,
    genReqId: () => newId(),
    requestIdHeader: false,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routeTable: App["routeTable"] = [];
  app.decorate("routeTable", routeTable);
  app.addHook("onRoute", (route) => {
    // The docs plugin's own pages are public; every other route must declare its policy.
    if (route.url.startsWith("/api/docs")) route.config = { ...route.config, policy: "public" };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routeTable.push({ method, url: route.url, policy: route.config?.policy });
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Oars API", version: "1", description: "Strategic and tactical sales planning." },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
          token: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  app.decorateRequest("ctx", null as unknown as Ctx);
  app.addHook("onRequest", async (req, reply) => {
    reply.header("x-request-id", req.id);
    const origin = services.config.publicUrl ?? `${req.protocol}://${req.host}`;
    req.ctx = { ...services, actor: null, requestId: req.id, ip: req.ip ?? null, origin };
    if (!req.url.startsWith("/api/")) return;
    const auth = req.headers.authorization;
    if (auth?.startsWith("Bearer ")) {
      const { actor, version } = await actorFromApiTokenKept(services.db, auth.slice(7).trim());
      req.ctx.actor = actor;
      if (version !== null) req.ctx.dataVersion = version;
    } else {
      const token = req.cookies[SESSION_COOKIE];
      if (token) req.ctx.actor = await actorFromSession(services.db.k, token, services.config.sessionIdleMs);
    }
  });
  app.addHook("preHandler", enforcePolicy);
  app.addHook("onSend", async (req, reply, payload) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "same-origin");
    if (!req.url.startsWith("/api/docs")) {
      reply.header("x-frame-options", "DENY");
      reply.header(
        "content-security-policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
      );
    }
    if (req.url.startsWith("/api/")) reply.header("cache-control", "no-store");
    return payload;
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const e = toAppError(err);
    if (e.status >= 500) req.log.error({ err }, "request failed");
    if (e.retryAfterSeconds) reply.header("retry-after", String(e.retryAfterSeconds));
    const body = {
      error: {
        code: e.code,
        message: e.status >= 500 ? "Something went wrong on our side" : e.message,
        ...(e.field ? { field: e.field } : {}),
      },
    };
    return reply.status(e.status).type("application/json; charset=utf-8").send(body);
  });

  app.get("/api/openapi.json", { schema: { hide: true }, config: { policy: "public" } }, async () =>
    app.swagger(),
  );
  await registerRoutes(app);
  await serveWebApp(app);
  return app;
}

/** PostgreSQL's deadlock and serialization failures: a concurrent writer got in the way. */
const RETRYABLE = new Set(["40P01", "40001"]);

export function toAppError(err: FastifyError): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof DomainError) return new AppError("invalid", err.message, err.field);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issue = err.validation[0];
    const where = err.validationContext === "body" ? "" : `${err.validationContext ?? ""}.`;
    const field =
      `${where}${(issue?.instancePath ?? "").replace(/^\//, "").replace(/\//g, ".")}`.replace(/\.$/, "") ||
      String(err.validationContext ?? "body");
    return new AppError("invalid", `${field}: ${issue?.message ?? "is invalid"}`, field);
  }
  const code = err.code ?? "";
  if (RETRYABLE.has(code))
    return new AppError(
      "conflict",
      "A change made at the same moment got in the way; try again",
      undefined,
      1,
    );
  if (code === "FST_ERR_CTP_BODY_TOO_LARGE")
    return new AppError("too_large", "The request body is too large");
  if (code.startsWith("FST_ERR_CTP") || err instanceof SyntaxError)
    return new AppError("invalid", `body: ${err.message}`, "body");
  if (err.statusCode === 404) return new AppError("not_found", "Not found");
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return new AppError("invalid", err.message);
  return new AppError("internal", err.message);
}

async function serveWebApp(app: App): Promise<void> {
  const hasDist = fs.existsSync(path.join(WEB_DIST, "index.html"));
  if (hasDist) {
    // serve: false — files go out through the one catch-all route below, so every route has a policy.
    await app.register(fastifyStatic, { root: WEB_DIST, serve: false });
    app.get("/*", { schema: { hide: true }, config: { policy: "public" } }, async (req, reply) => {
      if (req.url.startsWith("/api/")) throw new AppError("not_found", "No such API route");
      const file = req.url.split("?")[0] ?? "/";
      const candidate = path.join(WEB_DIST, path.normalize(file));
      if (
        candidate.startsWith(WEB_DIST) &&
        file !== "/" &&
        fs.existsSync(candidate) &&
        fs.statSync(candidate).isFile()
      ) {
        return reply.sendFile(
          path.relative(WEB_DIST, candidate),
          file.startsWith("/assets/") ? { maxAge: "365d", immutable: true } : {},
        );
      }
      return reply.type("text/html").header("cache-control", "no-cache").sendFile("index.html");
    });
  } else {
    app.get("/*", { schema: { hide: true }, config: { policy: "public" } }, async (req, reply) => {
      if (req.url.startsWith("/api/")) throw new AppError("not_found", "No such API route");
      return reply
        .type("text/plain")
        .send("The Oars web app is not built. Run `npm run build` (npm start does it for you).");
    });
  }
  app.setNotFoundHandler({}, (_req, reply) => {
    reply.status(404).send({ error: { code: "not_found", message: "No such route" } });
  });
}

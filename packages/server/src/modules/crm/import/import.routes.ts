// CSV import over HTTP: upload (the raw file as the body), preview, run or dry-run in the
// background, poll, cancel, download rejects; saved mappings and owner/stage value maps.
import {
  IdParams,
  ImportJob,
  ImportJobQuery,
  ImportMapping,
  ImportMappingCreate,
  ImportMappingQuery,
  ImportMappingUpdate,
  ImportPresets,
  ImportPreview,
  ImportPreviewInput,
  ImportRun,
  ImportUploadQuery,
  IMPORT_FIELDS,
  page,
  REQUIRED_IMPORT_FIELDS,
  ValueMapList,
  ValueMapPut,
  ValueMapQuery,
  type ImportEntity,
} from "@oars/core";
import type { Readable } from "node:stream";
import { z } from "zod";
import type { App } from "../../../http/app";
import { signedIn } from "../../auth/auth.routes";
import { sendCsv } from "../csv-export";
import * as imports from "./import.service";
import * as mappings from "./mappings.service";
import { PRESETS } from "./presets";

const tags = ["imports"];

export async function importRoutes(app: App): Promise<void> {
  app.get(
    "/api/v1/imports/presets",
    { schema: { tags, response: { 200: ImportPresets } }, config: { policy: "read" } },
    async () => ({
      fields: IMPORT_FIELDS as unknown as Record<string, string[]>,
      required: REQUIRED_IMPORT_FIELDS as Record<string, string[]>,
      presets: Object.entries(PRESETS).flatMap(([preset, byEntity]) =>
        Object.entries(byEntity).map(([entity, columns]) => ({
          preset: preset as keyof typeof PRESETS,
          entity: entity as ImportEntity,
          columns,
        })),
      ),
    }),
  );
  // The upload reads the body as a stream (a file of any size), so it lives in its own scope
  // where CSV bodies are not buffered.
  await app.register(async (scoped: App) => {
    scoped.addContentTypeParser(
      ["text/csv", "application/octet-stream", "text/plain"],
      (_req, payload, done) => done(null, payload),
    );
    scoped.post(
      "/api/v1/imports",
      {
        schema: {
          tags,
          querystring: ImportUploadQuery,
          consumes: ["text/csv", "application/octet-stream"],
          description: "The CSV file itself is the body. Answers the job with what was detected.",
          response: { 201: ImportJob },
        },
        config: { policy: "write" },
      },
      async (req, reply) => {
        const job = await imports.uploadImport(
          signedIn(req),
          req.query.entity,
          req.query.fileName,
          req.body as Readable,
        );
        return reply.status(201).send(job);
      },
    );
  });
  app.get(
    "/api/v1/imports",
    {
      schema: { tags, querystring: ImportJobQuery, response: { 200: page(ImportJob) } },
      config: { policy: "read" },
    },
    async (req) => imports.listImports(signedIn(req), req.query.limit, req.query.cursor),
  );

  app.get(
    "/api/v1/imports/mappings",
    {
      schema: {
        tags,
        querystring: ImportMappingQuery,
        response: { 200: z.object({ items: z.array(ImportMapping) }) },
      },
      config: { policy: "read" },
    },
    async (req) => ({ items: await mappings.listMappings(signedIn(req), req.query.entity) }),
  );
  app.post(
    "/api/v1/imports/mappings",
    {
      schema: { tags, body: ImportMappingCreate, response: { 201: ImportMapping } },
      config: { policy: "write" },
    },
    async (req, reply) => reply.status(201).send(await mappings.createMapping(signedIn(req), req.body)),
  );
  app.patch(
    "/api/v1/imports/mappings/:id",
    {
      schema: { tags, params: IdParams, body: ImportMappingUpdate, response: { 200: ImportMapping } },
      config: { policy: "write" },
    },
    async (req) => mappings.updateMapping(signedIn(req), req.params.id, req.body),
  );
  app.delete(
    "/api/v1/imports/mappings/:id",
    { schema: { tags, params: IdParams }, config: { policy: "write" } },
    async (req, reply) => {
      await mappings.deleteMapping(signedIn(req), req.params.id);
      return reply.status(204).send();
    },
  );
  app.get(
    "/api/v1/imports/value-maps",
    {
      schema: { tags, querystring: ValueMapQuery, response: { 200: ValueMapList } },
      config: { policy: "read" },
    },
    async (req) => ({ items: await mappings.listValueMap(signedIn(req), req.query.kind) }),
  );
  app.put(
    "/api/v1/imports/value-maps",
    { schema: { tags, body: ValueMapPut, response: { 200: ValueMapList } }, config: { policy: "write" } },
    async (req) => ({ items: await mappings.putValueMap(signedIn(req), req.body.kind, req.body.entries) }),
  );

  app.get(
    "/api/v1/imports/:id",
    {
      schema: { tags, params: IdParams, response: { 200: ImportJob }, description: "Poll for progress" },
      config: { policy: "read" },
    },
    async (req) => imports.getImport(signedIn(req), req.params.id),
  );
  app.post(
    "/api/v1/imports/:id/preview",
    {
      schema: { tags, params: IdParams, body: ImportPreviewInput, response: { 200: ImportPreview } },
      config: { policy: "write" },
    },
    async (req) => imports.previewImport(signedIn(req), req.params.id, req.body.options, req.body.rows),
  );
  app.post(
    "/api/v1/imports/:id/run",
    {
      schema: {
        tags,
        params: IdParams,
        body: ImportRun,
        response: { 202: ImportJob },
        description: "Starts (or resumes) the import in the background",
      },
      config: { policy: "write" },
    },
    async (req, reply) =>
      reply
        .status(202)
        .send(await imports.startImport(signedIn(req), req.params.id, req.body.options, req.body.dryRun)),
  );
  app.post(
    "/api/v1/imports/:id/cancel",
    { schema: { tags, params: IdParams, response: { 200: ImportJob } }, config: { policy: "write" } },
    async (req) => imports.cancelImport(signedIn(req), req.params.id),
  );
  app.get(
    "/api/v1/imports/:id/rejects.csv",
    {
      schema: { tags, params: IdParams, description: "The rejected rows with their reasons, as CSV" },
      config: { policy: "read" },
    },
    async (req, reply) =>
      sendCsv(reply, "rejects.csv", await imports.rejectsCsv(signedIn(req), req.params.id)),
  );
}

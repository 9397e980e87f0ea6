// The audit log, for admins: newest first, filterable, paged by a keyset cursor.
import { AuditEntry, AuditQuery, page } from "@oars/core";
import type { App } from "../../http/app";
import { signedIn } from "../auth/auth.routes";
import { listAudit } from "./audit.service";

export async function auditRoutes(app: App): Promise<void> {
  app.get(
    "/api/v1/audit",
    {
      schema: { tags: ["audit"], querystring: AuditQuery, response: { 200: page(AuditEntry) } },
      config: { policy: "admin" },
    },
    async (req) => listAudit(signedIn(req), req.query),
  );
}

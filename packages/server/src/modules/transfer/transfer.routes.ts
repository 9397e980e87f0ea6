// Export of the whole organisation as JSON (admins). Import goes through the CLI.
import type { App } from "../../http/app";
import { signedIn } from "../auth/auth.routes";
import { exportOrg } from "./transfer.service";

export async function transferRoutes(app: App): Promise<void> {
  app.get(
    "/api/v1/export",
    { schema: { tags: ["org"] }, config: { policy: "admin" } },
    async (req, reply) => {
      const ctx = signedIn(req);
      const doc = await exportOrg(ctx.db, ctx.actor.orgId);
      return reply
        .header("content-disposition", `attachment; filename="oars-org-${ctx.actor.orgId}.json"`)
        .send(doc);
    },
  );
}

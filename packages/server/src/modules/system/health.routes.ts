// Liveness with a real database round trip, for load balancers and the quick start.
import { sql } from "kysely";
import { z } from "zod";
import type { App } from "../../http/app";

export async function healthRoutes(app: App): Promise<void> {
  app.get(
    "/api/health",
    {
      schema: {
        tags: ["system"],
        response: { 200: z.object({ ok: z.literal(true), database: z.enum(["sqlite", "postgres"]) }) },
      },
      config: { policy: "public" },
    },
    async (req) => {
      await sql`select 1`.execute(req.ctx.db.k);
      return { ok: true as const, database: req.ctx.db.engine };
    },
  );
}

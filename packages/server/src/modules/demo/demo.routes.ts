// "Explore a demo organisation" at first run: only while Oars has no organisation yet.
import { z } from "zod";
import type { App } from "../../http/app";
import { AppError } from "../../http/errors";
import { needsSetup } from "../auth/auth.service";
import { seedDemo } from "./demo.seed";

const DemoSignIns = z.object({
  orgId: z.string(),
  people: z.array(
    z.object({
      name: z.string(),
      email: z.string(),
      role: z.string(),
      title: z.string(),
      password: z.string(),
    }),
  ),
});

export async function demoRoutes(app: App): Promise<void> {
  app.post(
    "/api/v1/setup/demo",
    { schema: { tags: ["auth"], response: { 201: DemoSignIns } }, config: { policy: "public" } },
    async (req, reply) => {
      if (!(await needsSetup(req.ctx)))
        throw new AppError("conflict", "Oars is already set up; the demo is offered only at first run");
      return reply.status(201).send(await seedDemo(req.ctx));
    },
  );
}

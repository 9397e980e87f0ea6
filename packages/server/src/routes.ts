// Every module's routes, registered in one place.
import type { App } from "./http/app";
import { auditRoutes } from "./modules/audit/audit.routes";
import { authRoutes } from "./modules/auth/auth.routes";
import { tokenRoutes } from "./modules/auth/tokens.routes";
import { demoRoutes } from "./modules/demo/demo.routes";
import { orgRoutes } from "./modules/org/org.routes";
import { healthRoutes } from "./modules/system/health.routes";
import { transferRoutes } from "./modules/transfer/transfer.routes";

export async function registerRoutes(app: App): Promise<void> {
  await healthRoutes(app);
  await authRoutes(app);
  await tokenRoutes(app);
  await orgRoutes(app);
  await auditRoutes(app);
  await transferRoutes(app);
  await demoRoutes(app);
}

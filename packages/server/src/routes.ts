// Every module's routes, registered in one place.
import type { App } from "./http/app";
import { auditRoutes } from "./modules/audit/audit.routes";
import { authRoutes } from "./modules/auth/auth.routes";
import { tokenRoutes } from "./modules/auth/tokens.routes";
import { crmRoutes } from "./modules/crm/crm.routes";
import { demoRoutes } from "./modules/demo/demo.routes";
import { orgRoutes } from "./modules/org/org.routes";
import { notificationRoutes } from "./modules/notifications/notifications.routes";
import { discussionRoutes } from "./modules/plans/discussion.routes";
import { objectiveRoutes } from "./modules/plans/objectives.routes";
import { planRoutes } from "./modules/plans/plans.routes";
import { attainmentRoutes } from "./modules/progress/attainment.routes";
import { progressRoutes } from "./modules/progress/progress.routes";
import { healthRoutes } from "./modules/system/health.routes";
import { tacticsRoutes } from "./modules/tactics/tactics.routes";
import { transferRoutes } from "./modules/transfer/transfer.routes";

export async function registerRoutes(app: App): Promise<void> {
  await healthRoutes(app);
  await authRoutes(app);
  await tokenRoutes(app);
  await orgRoutes(app);
  await auditRoutes(app);
  await transferRoutes(app);
  await demoRoutes(app);
  await planRoutes(app);
  await objectiveRoutes(app);
  await discussionRoutes(app);
  await notificationRoutes(app);
  await crmRoutes(app);
  await tacticsRoutes(app);
  await progressRoutes(app);
  await attainmentRoutes(app);
}

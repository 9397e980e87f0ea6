// Starting Oars: open the database, migrate, build the app and listen.
import type { Config } from "./config";
import { migrate, openDatabase } from "./db/database";
import { buildApp, type App } from "./http/app";
import type { Services } from "./http/context";
import { createMailer } from "./mail";

export async function startServer(config: Config): Promise<{ app: App; url: string; services: Services }> {
  const db = openDatabase(config);
  await migrate(db);
  const services: Services = { db, config, mailer: createMailer(config) };
  const app = await buildApp(services);
  app.addHook("onClose", async () => db.close());
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  return { app, url: `http://${shownHost}:${port}`, services };
}

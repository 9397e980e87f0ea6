// `oars serve` and `oars migrate`.
import type { Command } from "commander";
import { loadConfig } from "../config";
import { startScheduler } from "../modules/jobs/scheduler";
import { startServer } from "../server";
import { withDb } from "./context";

export function registerServeCommands(program: Command): void {
  program
    .command("serve")
    .description("serve the API, the OpenAPI document and the web app")
    .option("-p, --port <port>", "port to listen on (env PORT, default 5170)")
    .option("--host <host>", "address to listen on (env HOST, default 127.0.0.1)")
    .option("--no-scheduler", "do not run scheduled work (progress alerts hourly, the weekly digest)")
    .action(async (opts: { port?: string; host?: string; scheduler: boolean }) => {
      const config = loadConfig(process.env);
      if (opts.port !== undefined) {
        const port = Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new Error(`--port must be 0–65535, not ${opts.port}`);
        config.port = port;
      }
      if (opts.host !== undefined) config.host = opts.host;
      const { app, url, services } = await startServer(config);
      const where = config.database.kind === "sqlite" ? config.database.file : "PostgreSQL";
      process.stdout.write(`Oars listening on ${url} (database: ${where})\n`);
      // Several instances may share the database: each run is claimed there, so it happens once.
      const scheduler = opts.scheduler
        ? startScheduler(services, { onError: (e) => app.log.error(e, "scheduled work failed") })
        : null;
      const stop = async () => {
        await scheduler?.stop();
        await app.close();
        process.exit(0);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });

  program
    .command("migrate")
    .description("apply pending database migrations")
    .action(async () => {
      const { migrate } = await import("../db/database");
      await withDb(async (db) => {
        // withDb already migrated; report what the database is at.
        const applied = await migrate(db);
        process.stdout.write(applied.length ? `Applied ${applied.join(", ")}\n` : "Database is up to date\n");
      });
    });
}

// `oars seed --demo`, `oars backup|restore` and `oars export|import org`.
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import type { Command } from "commander";
import { loadConfig } from "../config";
import { seedDemo } from "../modules/demo/demo.seed";
import { exportOrg, importOrg } from "../modules/transfer/transfer.service";
import { createMailer } from "../mail";
import { print, withDb } from "./context";

export function registerDataCommands(program: Command): void {
  program
    .command("seed")
    .description("create data")
    .option("--demo", "create the demo organisation (prints its sign-ins)")
    .option("--today <date>", "pretend today is this date (YYYY-MM-DD), for reproducible demos")
    .option("--json", "print JSON")
    .action(async (o: { demo?: boolean; today?: string; json?: boolean }) => {
      if (!o.demo) throw new Error("Say what to seed: --demo");
      await withDb(async (db, config) => {
        const res = await seedDemo({ db, config, mailer: createMailer(config) }, { today: o.today });
        print(Boolean(o.json), res, () =>
          [
            `Demo organisation ${res.orgId} created. Sign in as:`,
            ...res.people.map((p) => `  ${p.email.padEnd(30)} ${p.password.padEnd(20)} ${p.title}`),
          ].join("\n"),
        );
      });
    });

  program
    .command("backup <file>")
    .description("online backup of the SQLite database to a file (PostgreSQL: use pg_dump)")
    .action(async (file: string) => {
      await withDb(async (db) => {
        if (!db.sqlite) throw new Error("On PostgreSQL, back up with pg_dump (see the README)");
        await db.sqlite.backup(path.resolve(file));
        process.stdout.write(`Backed up to ${path.resolve(file)}\n`);
      });
    });

  program
    .command("restore <file>")
    .description("replace the SQLite database with a backup (stop the server first)")
    .action(async (file: string) => {
      const config = loadConfig(process.env);
      if (config.database.kind !== "sqlite")
        throw new Error("On PostgreSQL, restore with pg_restore (see the README)");
      const source = new SQLite(path.resolve(file), { readonly: true, fileMustExist: true });
      const check = source.pragma("integrity_check", { simple: true });
      const isOars = source.prepare("select name from sqlite_master where name = 'orgs'").get();
      source.close();
      if (check !== "ok" || !isOars)
        throw new Error(`${file} is not a sound Oars backup (integrity: ${String(check)})`);
      const target = config.database.file;
      for (const suffix of ["-wal", "-shm"]) fs.rmSync(target + suffix, { force: true });
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(path.resolve(file), target);
      process.stdout.write(`Restored ${target} from ${file}\n`);
    });

  program
    .command("export")
    .description("export a whole organisation as one JSON document")
    .option("--org <id>", "organisation id (default: the only one)")
    .option("-o, --out <file>", "write to a file instead of standard output")
    .action(async (o: { org?: string; out?: string }) => {
      await withDb(async (db) => {
        const orgs = await db.k.selectFrom("orgs").select("id").execute();
        const orgId = o.org ?? (orgs.length === 1 ? orgs[0]?.id : undefined);
        if (!orgId)
          throw new Error(
            orgs.length === 0 ? "No organisation to export" : "Several organisations: choose one with --org",
          );
        const doc = JSON.stringify(await exportOrg(db, orgId));
        if (o.out) fs.writeFileSync(o.out, doc);
        else process.stdout.write(`${doc}\n`);
      });
    });

  program
    .command("import")
    .description("import data")
    .command("org <file>")
    .description("import a whole organisation from an `oars export` JSON document")
    .action(async (file: string) => {
      const doc: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
      await withDb(async (db) => {
        const res = await importOrg(db, doc);
        process.stdout.write(`Imported organisation ${res.orgId} (${res.rows} rows)\n`);
      });
    });
}

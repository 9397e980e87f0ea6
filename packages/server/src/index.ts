// @oars/server: the HTTP API, the database and the CLI.
export { loadConfig, type Config } from "./config";
export { openDatabase, openSqlite, openPostgres, migrate, type Db } from "./db/database";
export { buildApp, type App } from "./http/app";
export { startServer } from "./server";

// The floor for the list benchmark: a bare node:http server that runs the hand-written indexed
// SQL for a deals page and answers JSON — no auth, no scope, no validation. What Oars adds on top
// of this is what the ratio measures.
import http from "node:http";
import Database from "better-sqlite3";
import pg from "pg";

const [engine, target, port, orgId] = process.argv.slice(2);
const SQL = {
  rep: "select * from deals where org_id = $1 and owner_id = $2 and deleted_at is null and status = 'open' order by close_date, id limit 51",
  team: "select * from deals where org_id = $1 and team_id = $2 and deleted_at is null and status = 'open' order by close_date, id limit 51",
};

let query;
if (engine === "sqlite") {
  const db = new Database(target, { readonly: true });
  const stmts = Object.fromEntries(
    Object.entries(SQL).map(([k, s]) => [k, db.prepare(s.replace(/\$\d/g, "?"))]),
  );
  query = async (kind, key) => stmts[kind].all(orgId, key);
} else {
  const pool = new pg.Pool({ connectionString: target, max: 2 });
  query = async (kind, key) => (await pool.query({ name: kind, text: SQL[kind], values: [orgId, key] })).rows;
}

http
  .createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const rows = await query(url.pathname.slice(1), url.searchParams.get("key"));
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ items: rows.slice(0, 50), next: rows.length > 50 ? "more" : null }));
  })
  .listen(Number(port), "127.0.0.1", () => process.stdout.write("ready\n"));

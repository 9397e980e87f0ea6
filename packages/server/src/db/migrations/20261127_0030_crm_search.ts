// Name search by word prefix, served by an index on both engines and needing no extension
// (docs/decisions/005): SQLite keeps an FTS5 table per searched table (FTS5 is compiled into
// better-sqlite3), filled by triggers so every write path — API, bulk, CSV import, seed, transfer —
// keeps it current; PostgreSQL searches a GIN index over to_tsvector('simple', …) of the name key.
import { PostgresAdapter, sql, type Kysely } from "kysely";

type B = Kysely<unknown>;

/** The tables whose `name_key` the lists search. */
export const SEARCHED = ["accounts", "contacts", "deals"] as const;

export async function up(db: B): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const table of SEARCHED)
      // The expression must stay identical to modules/crm/text.ts nameSearch() for the planner
      // to use the index: ASCII punctuation becomes a space, so "acme.com" holds "acme" and "com".
      await sql`create index ${sql.id(`${table}_name_words`)} on ${sql.id(table)} using gin (to_tsvector('simple'::regconfig, regexp_replace(name_key, '[!-/:-@\\[-\`{-~]+', ' ', 'g')))`.execute(
        db,
      );
    return;
  }
  for (const table of SEARCHED) {
    const fts = sql.id(`${table}_fts`);
    const t = sql.id(table);
    // External content: the FTS table holds only the index; rowid is the row's rowid.
    await sql`create virtual table ${fts} using fts5(name_key, content=${sql.lit(table)}, content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`.execute(
      db,
    );
    await sql`insert into ${fts}(${fts}) values ('rebuild')`.execute(db);
    await sql`create trigger ${sql.id(`${table}_fts_insert`)} after insert on ${t} begin
        insert into ${fts}(rowid, name_key) values (new.rowid, new.name_key);
      end`.execute(db);
    await sql`create trigger ${sql.id(`${table}_fts_delete`)} after delete on ${t} begin
        insert into ${fts}(${fts}, rowid, name_key) values ('delete', old.rowid, old.name_key);
      end`.execute(db);
    await sql`create trigger ${sql.id(`${table}_fts_update`)} after update of name_key on ${t}
      when old.name_key is not new.name_key begin
        insert into ${fts}(${fts}, rowid, name_key) values ('delete', old.rowid, old.name_key);
        insert into ${fts}(rowid, name_key) values (new.rowid, new.name_key);
      end`.execute(db);
  }
}

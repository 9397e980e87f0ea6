// From a file's header to Oars fields: detected from the CRM preset the header looks like, then
// overridden by a saved mapping and by the columns the user chose. One column per field: when two
// headers could fill the same field, the one the preset lists first wins (an id over a name).
import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportEntity, type ImportPreset } from "@oars/core";
import { PRESETS } from "./presets";
import { squash } from "./values";

const PRESET_ORDER: ImportPreset[] = ["oars", "salesforce", "hubspot", "pipedrive"];

export function fieldsOf(entity: ImportEntity): readonly string[] {
  return IMPORT_FIELDS[entity];
}

/** The preset whose column names cover most of the header, if any covers two or more. */
export function detectPreset(entity: ImportEntity, header: string[]): ImportPreset | null {
  const keys = new Set(header.map(squash));
  let best: { preset: ImportPreset; hits: number } | null = null;
  for (const preset of PRESET_ORDER) {
    const names = Object.keys(PRESETS[preset][entity] ?? {}).map(squash);
    const hits = names.filter((n) => keys.has(n)).length;
    if (hits >= 2 && (!best || hits > best.hits)) best = { preset, hits };
  }
  return best?.preset ?? null;
}

/** Header → field suggested for this entity, trying the given preset first, then field names. */
export function suggestColumns(entity: ImportEntity, header: string[], preset: ImportPreset | null) {
  const fields = new Set(fieldsOf(entity));
  const ranked: { header: string; field: string; rank: number }[] = [];
  const dictionaries: Record<string, string>[] = [
    ...(preset ? [PRESETS[preset][entity] ?? {}] : []),
    Object.fromEntries([...fields].map((f) => [f, f])),
    ...PRESET_ORDER.filter((p) => p !== preset).map((p) => PRESETS[p][entity] ?? {}),
  ];
  dictionaries.forEach((dict, d) => {
    const entries = Object.entries(dict);
    for (const h of header) {
      const i = entries.findIndex(([name]) => squash(name) === squash(h));
      const entry = entries[i];
      if (entry && fields.has(entry[1])) ranked.push({ header: h, field: entry[1], rank: d * 1000 + i });
    }
  });
  ranked.sort((a, b) => a.rank - b.rank);
  const columns: Record<string, string> = {};
  const taken = new Set<string>();
  for (const r of ranked) {
    if (columns[r.header] !== undefined || taken.has(r.field)) continue;
    columns[r.header] = r.field;
    taken.add(r.field);
  }
  return columns;
}

export interface ColumnPlan {
  /** For each column of the file, the field it fills, or null when ignored. */
  byIndex: (string | null)[];
  columns: Record<string, string>;
  unmapped: string[];
  missing: string[];
  problems: string[];
}

/** Suggested columns, then a saved mapping, then the caller's choice, each overriding the last. */
export function planColumns(
  entity: ImportEntity,
  header: string[],
  preset: ImportPreset | null,
  ...overrides: (Record<string, string> | undefined)[]
): ColumnPlan {
  const columns = suggestColumns(entity, header, preset);
  const problems: string[] = [];
  const fields = new Set(fieldsOf(entity));
  for (const o of overrides)
    for (const [h, field] of Object.entries(o ?? {})) {
      if (!header.includes(h)) continue;
      if (field !== "" && !fields.has(field)) {
        problems.push(`column "${h}": ${entity} have no field "${field}"`);
        continue;
      }
      // A field chosen explicitly leaves any other column that had it.
      for (const [other, f] of Object.entries(columns)) if (f === field && other !== h) delete columns[other];
      if (field === "") delete columns[h];
      else columns[h] = field;
    }
  const mapped = new Set(Object.values(columns));
  const missing = REQUIRED_IMPORT_FIELDS[entity].filter(
    (f) => !mapped.has(f) && !(f === "name" && mapped.has("firstName") && mapped.has("lastName")),
  );
  if (entity === "contacts" && !mapped.has("name") && !mapped.has("firstName") && !mapped.has("lastName"))
    missing.push("name");
  return {
    // A repeated header name fills its field from its first column only.
    byIndex: header.map((h, i) => (header.indexOf(h) === i ? (columns[h] ?? null) : null)),
    columns,
    unmapped: header.filter((h) => columns[h] === undefined),
    missing,
    problems,
  };
}

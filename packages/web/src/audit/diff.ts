// Before/after of an audit entry as readable rows: only the fields that changed, in words.

export interface DiffRow {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
  kind: "added" | "removed" | "changed";
}

/** Bookkeeping every write touches; listing it would hide the real change. */
const HIDDEN = new Set(["id", "orgId", "version", "createdAt", "updatedAt"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!isRecord(before) && !isRecord(after)) {
    if (same(before, after)) return [];
    return [
      {
        field: "value",
        label: "Value",
        before,
        after,
        kind: hasBefore ? (hasAfter ? "changed" : "removed") : "added",
      },
    ];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows: DiffRow[] = [];
  for (const field of fields) {
    if (HIDDEN.has(field)) continue;
    const inBefore = field in b;
    const inAfter = field in a;
    if (inBefore && inAfter && same(b[field], a[field])) continue;
    // A record created or removed lists its filled-in fields only.
    if (!hasBefore && isEmpty(a[field])) continue;
    if (!hasAfter && isEmpty(b[field])) continue;
    rows.push({
      field,
      label: humanize(field),
      before: b[field],
      after: a[field],
      kind: !hasBefore || !inBefore ? "added" : !hasAfter || !inAfter ? "removed" : "changed",
    });
  }
  return rows;
}

function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)
  );
}

/** "capacityHoursPerWeek" → "Capacity hours per week"; "teamId" → "Team". */
export function humanize(field: string): string {
  const words = field
    .replace(/Id$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase()
    .replace(/\bapi\b/g, "API")
    .replace(/\bid\b/g, "ID");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What an id-valued field points at, so the diff can show a name instead of the id. */
export function referenceKind(field: string): "team" | "person" | null {
  if (field === "teamId" || field === "parentId") return "team";
  if (field === "leadId" || field === "personId" || field === "actorId" || field === "ownerId")
    return "person";
  return null;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function formatValue(value: unknown, formatInstant: (iso: string) => string): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") {
    if (INSTANT.test(value)) return formatInstant(value);
    return value.length > 160 ? `${value.slice(0, 157)}…` : value;
  }
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)) {
    return value.length === 0 ? "none" : value.map((v) => String(v)).join(", ");
  }
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

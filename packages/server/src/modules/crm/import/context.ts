// What every batch of one import shares, loaded once per job: the importer and their scope, the
// org's people (owners by email, name, id or the owner map), pipeline stages (by name or the stage
// map), exchange rates and team memberships. None of these grows with the file.
import type { ImportEntity, ImportOptions } from "@oars/core";
import type { Q } from "../../../db/tx";
import type { SignedInCtx } from "../../../http/context";
import { todayInZone } from "../../../lib/dates";
import { mayAssignTo } from "../../../policies/crm.policy";
import { loadScope, type Scope } from "../../../policies/scope";
import type { PipelineStagesTable } from "../crm.schema";
import { loadRates, type RateTable } from "../money";
import { orgFacts, type OrgFacts } from "../org-facts";
import { membershipsByPerson, type MembershipSpan, type Owner } from "../ownership";
import { ensureStages } from "../stages.service";
import { nameKey } from "../text";
import type { FastPath } from "./upsert";
import { squash } from "./values";

export interface PersonLite extends Owner {
  email: string;
  active: boolean;
}

export interface ImportCtx {
  ctx: SignedInCtx;
  /** The engine's bulk-insert fast path (upsert.ts insertMany). */
  raw: FastPath;
  scope: Scope;
  org: OrgFacts;
  entity: ImportEntity;
  options: ImportOptions;
  jobId: string;
  today: string;
  people: {
    byId: Map<string, PersonLite>;
    byEmail: Map<string, PersonLite>;
    byName: Map<string, PersonLite | null>;
  };
  ownerMap: Map<string, string>;
  stages: PipelineStagesTable[];
  stageMap: Map<string, string>;
  rates: RateTable;
  memberships: Map<string, MembershipSpan[]>;
}

/** Saved value maps merged under the ones given with this run (those win). */
async function valueMap(q: Q, orgId: string, kind: "owner" | "stage", given: Record<string, string>) {
  const rows = await q
    .selectFrom("import_value_maps")
    .select(["source_key", "target_id"])
    .where("org_id", "=", orgId)
    .where("kind", "=", kind)
    .execute();
  const map = new Map(rows.map((r) => [r.source_key, r.target_id]));
  for (const [source, target] of Object.entries(given)) map.set(nameKey(source), target);
  return map;
}

export async function prepareImport(
  q: Q,
  ctx: SignedInCtx,
  entity: ImportEntity,
  options: ImportOptions,
  jobId: string,
): Promise<ImportCtx> {
  const org = await orgFacts(q, ctx.actor.orgId);
  const rows = await q
    .selectFrom("people")
    .select(["id", "email", "name", "team_id", "active"])
    .where("org_id", "=", org.id)
    .execute();
  const people: ImportCtx["people"] = { byId: new Map(), byEmail: new Map(), byName: new Map() };
  for (const r of rows) {
    const p = { id: r.id, teamId: r.team_id, email: r.email, active: r.active === 1 };
    people.byId.set(p.id, p);
    people.byEmail.set(r.email.toLowerCase(), p);
    // Two people with one name make the name ambiguous: such rows need an email or the owner map.
    const key = nameKey(r.name);
    people.byName.set(key, people.byName.has(key) ? null : p);
  }
  return {
    ctx,
    raw: { engine: ctx.db.engine, sqlite: ctx.db.sqlite },
    scope: await loadScope(q, ctx.actor),
    org,
    entity,
    options,
    jobId,
    today: todayInZone(org.timeZone),
    people,
    ownerMap: await valueMap(q, org.id, "owner", options.ownerMap),
    stages: entity === "deals" ? await ensureStages(q, org.id) : [],
    stageMap: await valueMap(q, org.id, "stage", options.stageMap),
    rates: entity === "deals" ? await loadRates(q, org.id) : new Map(),
    memberships: await membershipsByPerson(q, org.id),
  };
}

export type Resolved<T> = { ok: T } | { problem: string };

const ownerMemo = new WeakMap<ImportCtx, Map<string, Resolved<PersonLite>>>();

/** An owner cell (empty: the default owner) to an active person the importer may assign to.
 * A file names the same few thousand owners a million times: each is resolved once per job. */
export function resolveOwner(ic: ImportCtx, text: string | undefined): Resolved<PersonLite> {
  const memo = ownerMemo.get(ic) ?? new Map<string, Resolved<PersonLite>>();
  ownerMemo.set(ic, memo);
  const key = text ?? "\u0000default";
  const hit = memo.get(key);
  if (hit) return hit;
  const resolved = resolveOwnerOnce(ic, text);
  memo.set(key, resolved);
  return resolved;
}

function resolveOwnerOnce(ic: ImportCtx, text: string | undefined): Resolved<PersonLite> {
  const fallback = ic.options.defaultOwnerId ?? ic.ctx.actor.personId;
  let person: PersonLite | null | undefined;
  if (text === undefined) person = ic.people.byId.get(fallback);
  else {
    const mapped = ic.ownerMap.get(nameKey(text));
    person =
      (mapped ? ic.people.byId.get(mapped) : undefined) ??
      ic.people.byId.get(text) ??
      ic.people.byEmail.get(text.toLowerCase()) ??
      ic.people.byName.get(nameKey(text));
    if (person === null) return { problem: `"${text}" names several people; use an email or the owner map` };
  }
  if (!person)
    return {
      problem: `unknown owner "${text ?? fallback}": no person with this email or name (map it in the owner map)`,
    };
  if (!person.active) return { problem: `owner "${text}" is deactivated` };
  if (!mayAssignTo(ic.scope, person))
    return { problem: `owner "${text ?? person.email}" is outside the teams you manage` };
  return { ok: person };
}

const stageMemo = new WeakMap<ImportCtx, Map<string, Resolved<PipelineStagesTable>>>();

/** A stage cell (by the stage map, name or id); a won or lost status picks that kind's stage. */
export function resolveStage(
  ic: ImportCtx,
  text: string | undefined,
  status: "open" | "won" | "lost" | null,
): Resolved<PipelineStagesTable> {
  const memo = stageMemo.get(ic) ?? new Map<string, Resolved<PipelineStagesTable>>();
  stageMemo.set(ic, memo);
  const key = `${status ?? ""}\u0000${text ?? ""}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const resolved = resolveStageOnce(ic, text, status);
  memo.set(key, resolved);
  return resolved;
}

function resolveStageOnce(
  ic: ImportCtx,
  text: string | undefined,
  status: "open" | "won" | "lost" | null,
): Resolved<PipelineStagesTable> {
  const live = ic.stages.filter((s) => s.archived_at === null);
  const firstOf = (kind: string) => live.find((s) => s.kind === kind);
  let stage: PipelineStagesTable | undefined;
  if (text !== undefined) {
    const mapped = ic.stageMap.get(nameKey(text));
    const key = squash(text);
    stage =
      ic.stages.find((s) => s.id === mapped) ??
      ic.stages.find((s) => s.id === text) ??
      ic.stages.find((s) => squash(s.name) === key) ??
      (key === "closedwon" || key === "won"
        ? firstOf("won")
        : key === "closedlost" || key === "lost"
          ? firstOf("lost")
          : undefined);
  }
  // Pipedrive keeps a closed deal's last open stage and says won or lost in its status.
  if (status !== null && status !== "open" && stage?.kind !== status) stage = firstOf(status);
  if (!stage && text === undefined) stage = firstOf(status ?? "open");
  if (!stage) return { problem: `unknown stage "${text}": map it to one of this pipeline's stages` };
  return { ok: stage };
}

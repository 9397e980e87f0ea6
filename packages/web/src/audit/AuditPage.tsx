// /audit (admins): every change in the organisation, newest first, filtered by entity, record or
// actor, a page at a time.
import { useState } from "react";
import type { FormEvent } from "react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link, getRouteApi, useNavigate } from "@tanstack/react-router";
import type { AuditEntry, Page } from "@oars/core";
import { api, query } from "../api/client";
import type { AuditSearch } from "../app/router";
import { useSession } from "../auth/session";
import { PersonPicker } from "../people/PersonPicker";
import { personQuery } from "../people/queries";
import { teamsQuery } from "../team/queries";
import { Dialog } from "../ui/Dialog";
import { Empty, ErrorNotice, Loading } from "../ui/Status";
import { formatInstant } from "../ui/format";
import { AuditDiff } from "./AuditDiff";
import { humanize } from "./diff";

const route = getRouteApi("/app/audit");
const PAGE_SIZE = 50;

export function AuditPage() {
  const session = useSession();
  if (session.person.role !== "admin") {
    return (
      <div className="page narrow">
        <h1>Audit log</h1>
        <p className="muted">Only administrators can read the audit log.</p>
      </div>
    );
  }
  return <AuditLog orgName={session.org.name} />;
}

function AuditLog({ orgName }: { orgName: string }) {
  const search = route.useSearch();
  const navigate = useNavigate();
  const entries = useInfiniteQuery({
    queryKey: ["audit", search],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AuditEntry>>(`/api/v1/audit${query({ ...search, limit: PAGE_SIZE, cursor: pageParam })}`, {
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
  const items = entries.data?.pages.flatMap((p) => p.items) ?? [];
  const teams = useQuery(teamsQuery).data ?? [];
  const setFilter = (next: AuditSearch) => void navigate({ to: "/audit", search: next });
  const filtered = Boolean(search.entity || search.entityId || search.actorId);

  return (
    <div className="page page-wide">
      <header className="page-header">
        <div>
          <h1>Audit log</h1>
          <p className="muted">
            Every change in {orgName}: who made it, when, and what it was before and after.
          </p>
        </div>
      </header>

      <AuditFilters
        key={JSON.stringify(search)}
        search={search}
        entities={items.map((e) => e.entity)}
        onApply={setFilter}
      />

      <section className="card audit-card" aria-label="Audit entries" aria-busy={entries.isFetching}>
        {entries.isPending ? <Loading label="Loading the audit log…" /> : null}
        {entries.isError ? (
          <ErrorNotice error={entries.error} onRetry={() => void entries.refetch()} />
        ) : null}
        {entries.isSuccess && items.length === 0 ? (
          <Empty title={filtered ? "No entries match these filters" : "No changes recorded yet"} />
        ) : null}
        {items.length > 0 ? (
          <div className="table-wrap">
            <table className="table audit-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Changes</th>
                </tr>
              </thead>
              <tbody>
                {items.map((entry) => (
                  <tr key={entry.id}>
                    <td data-label="When" className="nowrap">
                      {formatInstant(entry.at)}
                    </td>
                    <td data-label="Who" className="nowrap">
                      {entry.actorId ? (
                        <button
                          type="button"
                          className="link-button"
                          title="Show only this person's changes"
                          onClick={() => setFilter({ ...search, actorId: entry.actorId ?? undefined })}
                        >
                          {entry.actorName ?? "Unknown person"}
                        </button>
                      ) : (
                        <span className="muted">{entry.actorName ?? "System"}</span>
                      )}
                    </td>
                    <td data-label="What">
                      <span className="audit-action">{humanize(entry.action)}</span>
                      <span className="audit-entity small">
                        <button
                          type="button"
                          className="link-button"
                          title="Show only this record's changes"
                          onClick={() => setFilter({ entity: entry.entity, entityId: entry.entityId })}
                        >
                          {humanize(entry.entity)}
                        </button>
                        <EntityLink entity={entry.entity} id={entry.entityId} />
                      </span>
                    </td>
                    <td data-label="Changes">
                      <AuditDiff before={entry.before} after={entry.after} teams={teams} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {entries.hasNextPage ? (
          <div className="load-more">
            <button
              type="button"
              className="button"
              disabled={entries.isFetchingNextPage}
              onClick={() => void entries.fetchNextPage()}
            >
              {entries.isFetchingNextPage ? "Loading…" : "Load more"}
            </button>
          </div>
        ) : null}
      </section>
    </div>
  );
}

function EntityLink({ entity, id }: { entity: string; id: string }) {
  if (entity === "person") {
    return (
      <Link to="/people/$personId" params={{ personId: id }} className="small entity-link">
        Open
      </Link>
    );
  }
  if (entity === "team") {
    return (
      <Link to="/team" search={{ teamId: id }} className="small entity-link">
        Open
      </Link>
    );
  }
  return null;
}

interface AuditFiltersProps {
  search: AuditSearch;
  entities: string[];
  onApply: (search: AuditSearch) => void;
}

function AuditFilters({ search, entities, onApply }: AuditFiltersProps) {
  const [entity, setEntity] = useState(search.entity ?? "");
  const [entityId, setEntityId] = useState(search.entityId ?? "");
  const [picking, setPicking] = useState(false);
  const actor = useQuery({ ...personQuery(search.actorId ?? ""), enabled: Boolean(search.actorId) });
  const known = [...new Set([...entities, ...(search.entity ? [search.entity] : [])])].sort();

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({ ...search, entity: entity.trim() || undefined, entityId: entityId.trim() || undefined });
  }

  return (
    <form className="card filters" onSubmit={submit} aria-label="Filter the audit log">
      <div className="field">
        <label htmlFor="audit-entity">Entity</label>
        <input
          id="audit-entity"
          className="input"
          list="audit-entities"
          placeholder="Any"
          value={entity}
          onChange={(event) => setEntity(event.target.value)}
        />
        <datalist id="audit-entities">
          {known.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor="audit-entity-id">Record ID</label>
        <input
          id="audit-entity-id"
          className="input mono"
          placeholder="Any"
          value={entityId}
          onChange={(event) => setEntityId(event.target.value)}
        />
      </div>
      <div className="field">
        <span className="label" id="audit-actor-label">
          Changed by
        </span>
        <div className="actor-filter" role="group" aria-labelledby="audit-actor-label">
          {search.actorId ? (
            <>
              <span className="chip">{actor.data?.name ?? "…"}</span>
              <button
                type="button"
                className="link-button"
                onClick={() => onApply({ ...search, actorId: undefined })}
                aria-label="Clear the person filter"
              >
                Clear
              </button>
            </>
          ) : (
            <button type="button" className="button" onClick={() => setPicking(true)}>
              Anyone…
            </button>
          )}
        </div>
      </div>
      <div className="filters-actions">
        <button type="submit" className="button button-primary">
          Apply filters
        </button>
        <button
          type="button"
          className="button"
          onClick={() => onApply({})}
          disabled={!search.entity && !search.entityId && !search.actorId}
        >
          Clear all
        </button>
      </div>
      {picking ? (
        <Dialog title="Changes made by" onClose={() => setPicking(false)}>
          <PersonPicker
            label="Find a person"
            autoFocus
            pickLabel={(person) => `Show changes by ${person.name}`}
            onPick={(person) => {
              setPicking(false);
              onApply({
                ...search,
                entity: entity.trim() || undefined,
                entityId: entityId.trim() || undefined,
                actorId: person.id,
              });
            }}
          />
        </Dialog>
      ) : null}
    </form>
  );
}

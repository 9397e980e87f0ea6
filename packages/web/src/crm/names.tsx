// Names behind ids in lists and pages: people from the directory (one request), accounts one by
// one (only the rows on screen ask, and each answer is cached), stages from the pipeline.
import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { Stage } from "@oars/core";
import { directoryQuery, recordQuery, stagesQuery } from "./queries";

export function PersonName({ id }: { id: string | null }) {
  const directory = useQuery(directoryQuery);
  if (!id) return <span className="muted">—</span>;
  const person = directory.data?.get(id);
  if (!directory.data) return <span className="muted">…</span>;
  return person ? (
    <Link to="/people/$personId" params={{ personId: id }} className="quiet-link">
      {person.name}
    </Link>
  ) : (
    <span className="muted">Unknown person</span>
  );
}

export function usePersonName(id: string | null): string {
  const directory = useQuery(directoryQuery);
  if (!id) return "";
  return directory.data?.get(id)?.name ?? "";
}

export function AccountName({ id, link = true }: { id: string | null; link?: boolean }) {
  const account = useQuery({ ...recordQuery("accounts", id ?? ""), enabled: Boolean(id) });
  if (!id) return <span className="muted">—</span>;
  const name = account.data?.name ?? (account.isError ? "Account not visible" : "…");
  if (!link || !account.data) return <span className={account.data ? undefined : "muted"}>{name}</span>;
  return (
    <Link to="/accounts/$accountId" params={{ accountId: id }} className="quiet-link">
      {name}
    </Link>
  );
}

export interface Pipeline {
  /** Stages a deal can move to, in pipeline order. */
  active: Stage[];
  byId: Map<string, Stage>;
  ready: boolean;
}

export function usePipeline(): Pipeline {
  const stages = useQuery(stagesQuery);
  return useMemo(() => {
    const all = [...(stages.data ?? [])].sort((a, b) => a.position - b.position);
    return {
      active: all.filter((s) => !s.archived),
      byId: new Map(all.map((s) => [s.id, s])),
      ready: stages.isSuccess,
    };
  }, [stages.data, stages.isSuccess]);
}

export function StageBadge({ stage }: { stage: Stage | undefined }) {
  if (!stage) return <span className="muted">…</span>;
  return <span className={`stage-badge stage-${stage.kind}`}>{stage.name}</span>;
}

/** A list row's owner: the name the list gave (no extra request), else the directory's. */
export function OwnerLabel({ id, name }: { id: string; name?: string | null | undefined }) {
  if (!name) return <PersonName id={id} />;
  return (
    <Link to="/people/$personId" params={{ personId: id }} className="quiet-link">
      {name}
    </Link>
  );
}

/** A list row's account: the name the list gave, else one request for the account. */
export function AccountLabel({ id, name }: { id: string | null; name?: string | null | undefined }) {
  if (!id) return <span className="muted">—</span>;
  if (!name) return <AccountName id={id} />;
  return (
    <Link to="/accounts/$accountId" params={{ accountId: id }} className="quiet-link">
      {name}
    </Link>
  );
}

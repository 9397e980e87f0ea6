// /people/:id: a person's card and the history of the teams they have been in.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, getRouteApi } from "@tanstack/react-router";
import { isApiError } from "../api/client";
import { useAbilities } from "../auth/permissions";
import { useSession } from "../auth/session";
import { teamsQuery } from "../team/queries";
import { teamPathLabel } from "../team/TeamPath";
import { Empty, ErrorNotice, Loading } from "../ui/Status";
import { ROLE_LABELS, formatDate, initials } from "../ui/format";
import { EditPersonDialog } from "./EditPersonDialog";
import { ManagePersonDialog } from "./ManagePersonDialog";
import { membershipsQuery, personQuery } from "./queries";

const route = getRouteApi("/app/people/$personId");

export function PersonPage() {
  const { personId } = route.useParams();
  const session = useSession();
  const person = useQuery(personQuery(personId));
  const memberships = useQuery(membershipsQuery(personId));
  const teams = useQuery(teamsQuery);
  const abilities = useAbilities(session, teams.data);
  const [open, setOpen] = useState<"edit" | "manage" | null>(null);

  if (person.isPending) return <Loading />;
  if (person.isError) {
    return (
      <div className="page narrow">
        {isApiError(person.error) && person.error.status === 404 ? (
          <>
            <h1>Person not found</h1>
            <p className="muted">Nobody in your organisation has this address.</p>
            <Link to="/team" className="button">
              Back to Team
            </Link>
          </>
        ) : (
          <ErrorNotice error={person.error} onRetry={() => void person.refetch()} />
        )}
      </div>
    );
  }

  const p = person.data;
  const all = teams.data ?? [];
  const teamLabel = (id: string | null) =>
    id === null ? "No team" : all.length ? teamPathLabel(all, id) || "Unknown team" : "…";
  const canManage = teams.isSuccess && abilities.canManagePerson(p);
  const isSelf = p.id === session.person.id;
  const history = [...(memberships.data?.items ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate));

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link to="/team" search={p.teamId ? { teamId: p.teamId } : {}}>
          Team
        </Link>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{p.name}</span>
      </nav>

      <section className="card profile-card" aria-labelledby="person-name">
        <div className="profile-head">
          <span className="avatar avatar-large" aria-hidden="true">
            {initials(p.name)}
          </span>
          <div className="profile-id">
            <h1 id="person-name">{p.name}</h1>
            <p className="muted">{p.email}</p>
            <p className="tags">
              <span className={`badge badge-${p.role}`}>{ROLE_LABELS[p.role]}</span>
              {!p.active ? <span className="tag tag-muted">Deactivated</span> : null}
              {p.active && !p.hasPassword ? <span className="tag tag-warn">Invite pending</span> : null}
              {isSelf ? <span className="tag">You</span> : null}
            </p>
          </div>
          {canManage ? (
            <div className="profile-actions">
              <button type="button" className="button" onClick={() => setOpen("edit")}>
                Edit details
              </button>
              <button type="button" className="button" onClick={() => setOpen("manage")}>
                Manage
              </button>
            </div>
          ) : isSelf ? (
            <div className="profile-actions">
              <Link to="/profile" className="button">
                Your profile
              </Link>
            </div>
          ) : null}
        </div>
        <dl className="facts facts-wide">
          <dt>Team</dt>
          <dd>
            {p.teamId ? (
              <Link to="/team" search={{ teamId: p.teamId }}>
                {teamLabel(p.teamId)}
              </Link>
            ) : (
              "No team"
            )}
          </dd>
          <dt>Hire date</dt>
          <dd>{formatDate(p.hireDate)}</dd>
          <dt>Capacity</dt>
          <dd>{p.capacityHoursPerWeek} hours a week</dd>
          <dt>In Oars since</dt>
          <dd>{formatDate(p.createdAt.slice(0, 10))}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title" className="card-title">
          Team history
        </h2>
        {memberships.isPending ? <Loading /> : null}
        {memberships.isError ? (
          <ErrorNotice error={memberships.error} onRetry={() => void memberships.refetch()} />
        ) : null}
        {memberships.isSuccess && history.length === 0 ? <Empty title="Not in any team so far" /> : null}
        {history.length > 0 ? (
          <ol className="timeline" data-testid="team-history">
            {history.map((m) => (
              <li key={m.id} className={m.endDate ? "timeline-item" : "timeline-item timeline-current"}>
                <span className="timeline-dot" aria-hidden="true" />
                <div>
                  <Link to="/team" search={{ teamId: m.teamId }} className="strong">
                    {teamLabel(m.teamId)}
                  </Link>
                  <p className="muted small">
                    {formatDate(m.startDate)} – {m.endDate ? formatDate(m.endDate) : "now"}
                  </p>
                </div>
              </li>
            ))}
          </ol>
        ) : null}
      </section>

      {open === "edit" ? <EditPersonDialog person={p} onClose={() => setOpen(null)} /> : null}
      {open === "manage" ? (
        <ManagePersonDialog person={p} teams={all} abilities={abilities} onClose={() => setOpen(null)} />
      ) : null}
    </div>
  );
}

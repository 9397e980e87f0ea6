// The people of one team (or everyone): search, show deactivated, invite, and manage each person.
import { useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { Person, Team } from "@oars/core";
import type { Abilities } from "../auth/permissions";
import { useSession } from "../auth/session";
import { teamPathLabel } from "../team/TeamPath";
import { Icon } from "../ui/Icon";
import { Empty, ErrorNotice, Loading } from "../ui/Status";
import { ROLE_LABELS, initials } from "../ui/format";
import { useDebounced } from "../ui/useDebounced";
import { InviteDialog } from "./InviteDialog";
import { ManagePersonDialog } from "./ManagePersonDialog";
import { peopleQuery } from "./queries";

interface PeopleListProps {
  /** The selected team; undefined lists everyone. */
  team: Team | undefined;
  teams: readonly Team[];
  abilities: Abilities;
}

export function PeopleList({ team, teams, abilities }: PeopleListProps) {
  const session = useSession();
  const [text, setText] = useState("");
  const [showInactive, setShowInactive] = useState(false);
  const [inviting, setInviting] = useState(false);
  const [managing, setManaging] = useState<Person | null>(null);
  const q = useDebounced(text.trim());
  const people = useInfiniteQuery(
    peopleQuery({ teamId: team?.id, q: q || undefined, active: showInactive ? undefined : true }),
  );
  const items = people.data?.pages.flatMap((page) => page.items) ?? [];
  const canInvite = team
    ? abilities.canAddToTeam(team.id) && !team.archived
    : abilities.assignableTeamIds(teams).size > 0 || abilities.isAdmin;
  const teamName = (teamId: string | null) => (teamId ? teamPathLabel(teams, teamId) : "No team");

  return (
    <section className="card people-card" aria-labelledby="people-title">
      <div className="people-toolbar">
        <h3 id="people-title" className="card-title">
          People
        </h3>
        <div className="people-filters">
          <label className="visually-hidden" htmlFor="people-search">
            Search people
          </label>
          <input
            id="people-search"
            className="input input-small"
            type="search"
            placeholder="Search name or email"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={showInactive}
              onChange={(event) => setShowInactive(event.target.checked)}
            />
            Show deactivated
          </label>
          {canInvite ? (
            <button
              type="button"
              className="button button-primary button-small"
              onClick={() => setInviting(true)}
            >
              <Icon name="plus" size={16} />
              Invite person
            </button>
          ) : null}
        </div>
      </div>

      {people.isPending ? <Loading label="Loading people…" /> : null}
      {people.isError ? <ErrorNotice error={people.error} onRetry={() => void people.refetch()} /> : null}
      {people.isSuccess && items.length === 0 ? (
        <Empty title={q ? `Nobody matches “${q}”` : "Nobody here yet"}>
          {canInvite && !q ? "Invite the first person with “Invite person”." : null}
        </Empty>
      ) : null}

      {items.length > 0 ? (
        <ul className="people-list" data-testid="people-list">
          {items.map((person) => (
            <li key={person.id} className={person.active ? "person-row" : "person-row person-row-inactive"}>
              <span className="avatar" aria-hidden="true">
                {initials(person.name)}
              </span>
              <div className="person-main">
                <div className="person-name-line">
                  <Link to="/people/$personId" params={{ personId: person.id }} className="person-name">
                    {person.name}
                  </Link>
                  {person.id === session.person.id ? <span className="tag">You</span> : null}
                  {team && team.leadId === person.id ? <span className="tag tag-accent">Lead</span> : null}
                  {!person.active ? <span className="tag tag-muted">Deactivated</span> : null}
                  {person.active && !person.hasPassword ? (
                    <span className="tag tag-warn">Invite pending</span>
                  ) : null}
                </div>
                <span className="muted small person-email">{person.email}</span>
                {!team ? <span className="muted small">{teamName(person.teamId)}</span> : null}
              </div>
              <span className={`badge badge-${person.role}`}>{ROLE_LABELS[person.role]}</span>
              <div className="person-actions">
                {abilities.canManagePerson(person) ? (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => setManaging(person)}
                    aria-label={`Manage ${person.name}`}
                  >
                    Manage
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}

      {people.hasNextPage ? (
        <div className="load-more">
          <button
            type="button"
            className="button"
            disabled={people.isFetchingNextPage}
            onClick={() => void people.fetchNextPage()}
          >
            {people.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        </div>
      ) : null}

      {inviting ? (
        <InviteDialog
          teamId={team?.id ?? null}
          teams={teams}
          abilities={abilities}
          onClose={() => setInviting(false)}
        />
      ) : null}
      {managing ? (
        <ManagePersonDialog
          person={managing}
          teams={teams}
          abilities={abilities}
          onClose={() => setManaging(null)}
        />
      ) : null}
    </section>
  );
}

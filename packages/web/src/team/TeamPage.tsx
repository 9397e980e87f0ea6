// /team: the team tree beside the selected team's details and people. Controls appear only for
// what the signed-in person may change.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import type { Team } from "@oars/core";
import { useAbilities } from "../auth/permissions";
import { useSession } from "../auth/session";
import { PeopleList } from "../people/PeopleList";
import { Icon } from "../ui/Icon";
import { ErrorNotice, Loading } from "../ui/Status";
import { CreateTeamDialog } from "./TeamDialogs";
import { TeamHeader } from "./TeamHeader";
import { teamsQuery } from "./queries";
import { EVERYONE, TeamTree } from "./TeamTree";

const route = getRouteApi("/app/team");

export function TeamPage() {
  const session = useSession();
  const search = route.useSearch();
  const navigate = useNavigate();
  const teams = useQuery(teamsQuery);
  const abilities = useAbilities(session, teams.data);
  const [creatingTopLevel, setCreatingTopLevel] = useState(false);

  if (teams.isPending) return <Loading label="Loading teams…" />;
  if (teams.isError) {
    return (
      <div className="page">
        <ErrorNotice error={teams.error} onRetry={() => void teams.refetch()} />
      </div>
    );
  }

  const all = teams.data;
  const requested = search.teamId;
  const fallback =
    session.person.teamId && all.some((t) => t.id === session.person.teamId)
      ? session.person.teamId
      : EVERYONE;
  const selectedId =
    requested && (requested === EVERYONE || all.some((t) => t.id === requested)) ? requested : fallback;
  const selected: Team | undefined = all.find((t) => t.id === selectedId);
  const select = (teamId: string) => void navigate({ to: "/team", search: { teamId } });

  return (
    <div className="page page-wide">
      <header className="page-header">
        <div>
          <h1>Team</h1>
          <p className="muted">Your organisation's teams and the people in them.</p>
        </div>
        {abilities.canCreateTopLevelTeam ? (
          <div className="page-actions">
            <button type="button" className="button" onClick={() => setCreatingTopLevel(true)}>
              <Icon name="plus" size={16} />
              New team
            </button>
          </div>
        ) : null}
      </header>

      <div className="team-layout">
        <aside className="card team-tree-panel">
          <TeamTree teams={all} selectedId={selectedId} myTeamId={session.person.teamId} onSelect={select} />
        </aside>
        <section className="team-detail" aria-label={selected ? `Team ${selected.name}` : "Everyone"}>
          {selected ? (
            <TeamHeader
              key={`header-${selected.id}`}
              team={selected}
              teams={all}
              abilities={abilities}
              onSelect={select}
            />
          ) : (
            <div className="team-header">
              <h2>Everyone</h2>
              <p className="muted small">The whole people directory of {session.org.name}.</p>
            </div>
          )}
          <PeopleList key={`people-${selectedId}`} team={selected} teams={all} abilities={abilities} />
        </section>
      </div>

      {creatingTopLevel ? (
        <CreateTeamDialog
          teams={all}
          abilities={abilities}
          parentId={null}
          onClose={() => setCreatingTopLevel(false)}
          onCreated={(team) => {
            setCreatingTopLevel(false);
            select(team.id);
          }}
        />
      ) : null}
    </div>
  );
}

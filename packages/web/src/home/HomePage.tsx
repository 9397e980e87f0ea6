// Home: who you are, your team, your organisation's calendar, and the pages open to your role.
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { Person, Team } from "@oars/core";
import { useSession } from "../auth/session";
import { personQuery } from "../people/queries";
import { teamsQuery } from "../team/queries";
import { teamPathLabel } from "../team/TeamPath";
import { DashboardSection } from "../progress/DashboardSection";
import { TeamMembersPreview } from "./TeamMembersPreview";
import {
  MONTHS,
  ROLE_DESCRIPTIONS,
  ROLE_LABELS,
  WEEKDAYS_SHORT,
  formatDate,
  initials,
  weekdayName,
} from "../ui/format";

function greeting(now = new Date()): string {
  const hour = now.getHours();
  if (hour < 5) return "Good evening";
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

export function HomePage() {
  const session = useSession();
  const { person: me, org } = session;
  const teams = useQuery(teamsQuery);
  const team: Team | undefined = teams.data?.find((t) => t.id === me.teamId);
  const lead = useQuery({
    ...personQuery(team?.leadId ?? ""),
    enabled: Boolean(team?.leadId && team.leadId !== me.id),
  });
  const isAdmin = me.role === "admin";
  const activeTeams = teams.data?.filter((t) => !t.archived) ?? [];
  const firstName = me.name.split(" ")[0] ?? me.name;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>
            {greeting()}, {firstName}
          </h1>
          <p className="muted">
            {ROLE_LABELS[me.role]} at {org.name}. {ROLE_DESCRIPTIONS[me.role]}
          </p>
        </div>
      </header>

      <DashboardSection />

      {isAdmin && teams.isSuccess && activeTeams.length === 0 ? (
        <section className="callout" aria-labelledby="start-title">
          <h2 id="start-title">Start with your teams</h2>
          <p>
            Create the team tree of your sales organisation, then invite its people. Managers run their own
            teams from there.
          </p>
          <Link to="/team" className="button button-primary">
            Set up teams
          </Link>
        </section>
      ) : null}

      <div className="grid-cards">
        <section className="card" aria-labelledby="you-title">
          <h2 id="you-title" className="card-title">
            You
          </h2>
          <div className="person-summary">
            <span className="avatar" aria-hidden="true">
              {initials(me.name)}
            </span>
            <div>
              <p className="strong">{me.name}</p>
              <p className="muted small">{me.email}</p>
            </div>
          </div>
          <dl className="facts">
            <dt>Role</dt>
            <dd>
              <span className={`badge badge-${me.role}`}>{ROLE_LABELS[me.role]}</span>
            </dd>
            <dt>Team</dt>
            <dd>{team && teams.data ? teamPathLabel(teams.data, team.id) : "No team"}</dd>
            {me.hireDate ? (
              <>
                <dt>Joined</dt>
                <dd>{formatDate(me.hireDate)}</dd>
              </>
            ) : null}
            <dt>Capacity</dt>
            <dd>{me.capacityHoursPerWeek} hours a week</dd>
          </dl>
          <p className="card-links">
            <Link to="/profile">Password and API tokens</Link>
          </p>
        </section>

        {team ? (
          <section className="card" aria-labelledby="team-title">
            <h2 id="team-title" className="card-title">
              Your team: {team.name}
            </h2>
            <p className="muted small">{leadLine(team, me, lead.data)}</p>
            <TeamMembersPreview teamId={team.id} />
            <p className="card-links">
              <Link to="/team" search={{ teamId: team.id }}>
                Open {team.name}
              </Link>
            </p>
          </section>
        ) : null}

        <section className="card" aria-labelledby="org-title">
          <h2 id="org-title" className="card-title">
            {org.name}
          </h2>
          <dl className="facts">
            <dt>Currency</dt>
            <dd>{org.currency}</dd>
            <dt>Time zone</dt>
            <dd>{org.timeZone.replaceAll("_", " ")}</dd>
            <dt>Fiscal year</dt>
            <dd>Starts in {MONTHS[org.fiscalYearStartMonth - 1]}</dd>
            <dt>Week</dt>
            <dd>Starts on {weekdayName(org.weekStartsOn)}</dd>
            <dt>Working days</dt>
            <dd>
              {[...org.workingDays]
                .sort((a, b) => a - b)
                .map((d) => WEEKDAYS_SHORT[d - 1])
                .join(", ")}
            </dd>
            <dt>Teams</dt>
            <dd>{teams.data ? activeTeams.length : "…"}</dd>
          </dl>
          {isAdmin ? (
            <p className="card-links">
              <Link to="/settings">Change settings</Link>
            </p>
          ) : null}
        </section>

        <section className="card" aria-labelledby="pages-title">
          <h2 id="pages-title" className="card-title">
            Where to go
          </h2>
          <ul className="link-list">
            <li>
              <Link to="/team">Team</Link>
              <span className="muted small">
                {isAdmin
                  ? "The team tree and everyone in it: create teams, invite people, change roles."
                  : me.role === "manager"
                    ? "Your teams and their people: invite, move and manage them."
                    : "The team tree and the people directory."}
              </span>
            </li>
            <li>
              <Link to="/profile">Profile</Link>
              <span className="muted small">Change your password and manage API tokens for scripts.</span>
            </li>
            {isAdmin ? (
              <>
                <li>
                  <Link to="/audit">Audit log</Link>
                  <span className="muted small">Every change: who made it, when, before and after.</span>
                </li>
                <li>
                  <Link to="/settings">Settings</Link>
                  <span className="muted small">
                    Name, currency, time zone, fiscal year, working days and holidays.
                  </span>
                </li>
              </>
            ) : null}
          </ul>
        </section>
      </div>
    </div>
  );
}

function leadLine(team: Team, me: Person, lead: Person | undefined): string {
  if (!team.leadId) return "No lead set.";
  if (team.leadId === me.id) return "You lead this team.";
  return lead ? `Led by ${lead.name}.` : "";
}

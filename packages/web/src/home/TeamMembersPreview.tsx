// The first few people of a team, each linking to their profile.
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { peopleQuery } from "../people/queries";
import { ErrorNotice } from "../ui/Status";
import { initials } from "../ui/format";

const SHOWN = 8;

export function TeamMembersPreview({ teamId }: { teamId: string }) {
  const people = useInfiniteQuery(peopleQuery({ teamId, active: true }, SHOWN));
  if (people.isError) return <ErrorNotice error={people.error} onRetry={() => void people.refetch()} />;
  const first = people.data?.pages[0];
  if (!first) return <p className="muted small">Loading people…</p>;
  if (first.items.length === 0) return <p className="muted small">Nobody is in this team yet.</p>;
  return (
    <ul className="member-chips" aria-label="People in this team">
      {first.items.map((person) => (
        <li key={person.id}>
          <Link to="/people/$personId" params={{ personId: person.id }} className="member-chip">
            <span className="avatar avatar-small" aria-hidden="true">
              {initials(person.name)}
            </span>
            <span>{person.name}</span>
          </Link>
        </li>
      ))}
      {first.next ? <li className="muted small member-more">and more</li> : null}
    </ul>
  );
}

// Find a person by name or email and pick them (a team's lead, the actor of audit entries).
import { useId, useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { Person } from "@oars/core";
import { ErrorNotice } from "../ui/Status";
import { ROLE_LABELS, initials } from "../ui/format";
import { useDebounced } from "../ui/useDebounced";
import { peopleQuery } from "./queries";

interface PersonPickerProps {
  label: string;
  onPick: (person: Person) => void;
  pickLabel?: (person: Person) => string;
  autoFocus?: boolean;
}

export function PersonPicker({ label, onPick, pickLabel, autoFocus }: PersonPickerProps) {
  const id = useId();
  const [text, setText] = useState("");
  const q = useDebounced(text.trim());
  const people = useInfiniteQuery(peopleQuery({ q: q || undefined, active: true }, 8));
  const results = people.data?.pages[0]?.items ?? [];

  return (
    <div className="person-picker">
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          className="input"
          type="search"
          placeholder="Name or email"
          autoComplete="off"
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoFocus={autoFocus}
          data-autofocus={autoFocus ? true : undefined}
        />
      </div>
      {people.isError ? <ErrorNotice error={people.error} /> : null}
      <ul className="picker-results" aria-label="Matching people" aria-busy={people.isFetching}>
        {results.map((person) => (
          <li key={person.id}>
            <button
              type="button"
              className="picker-option"
              onClick={() => onPick(person)}
              aria-label={pickLabel ? pickLabel(person) : `Choose ${person.name}`}
            >
              <span className="avatar avatar-small" aria-hidden="true">
                {initials(person.name)}
              </span>
              <span className="picker-text">
                <span>{person.name}</span>
                <span className="muted small">
                  {person.email} · {ROLE_LABELS[person.role]}
                </span>
              </span>
            </button>
          </li>
        ))}
        {people.isSuccess && results.length === 0 ? (
          <li className="muted small">Nobody matches “{q}”.</li>
        ) : null}
      </ul>
    </div>
  );
}

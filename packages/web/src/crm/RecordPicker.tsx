// Pick an account, deal or contact by typing part of its name: an ARIA combobox (arrow keys,
// Enter to choose, Escape to close the list) over the API's own search.
import { useEffect, useId, useState } from "react";
import type { KeyboardEvent } from "react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { ControlProps } from "../ui/Field";
import { useDebounced } from "../ui/useDebounced";
import type { ListSearch } from "./queries";
import { listQuery, recordQuery } from "./queries";

type Pickable = "accounts" | "deals" | "contacts";

interface RecordPickerProps {
  entity: Pickable;
  control: ControlProps;
  value: string | null;
  onChange: (id: string | null) => void;
  /** Narrows the choices, e.g. { accountId } for the deals of one account. */
  filter?: ListSearch;
  placeholder?: string;
}

export function RecordPicker({ entity, control, value, onChange, filter, placeholder }: RecordPickerProps) {
  const listId = useId();
  const chosen = useQuery({ ...recordQuery(entity, value ?? ""), enabled: Boolean(value) });
  const chosenName = value ? (chosen.data?.name ?? "") : "";
  const [text, setText] = useState(chosenName);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebounced(text.trim(), 120);
  const searching = open && q !== chosenName;
  const results = useInfiniteQuery({
    ...listQuery(entity, { ...filter, q: searching ? q || undefined : undefined, sort: "name" }, 8),
    enabled: open,
  });
  const options = results.data?.pages[0]?.items ?? [];

  // The chosen record's name arrives after the id (or changes from outside): show it.
  useEffect(() => setText(chosenName), [chosenName]);

  function choose(index: number) {
    const option = options[index];
    if (!option) return;
    onChange(option.id);
    setText(option.name);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter" && open && options.length > 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape" && open) {
      // Close the list, not the dialog around it.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  }

  const activeId = open && options[active] ? `${listId}-${active}` : undefined;
  return (
    <div className="combo">
      <input
        {...control}
        className="input"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        autoComplete="off"
        placeholder={placeholder ?? "Type to search"}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
          if (value && e.target.value.trim() === "") onChange(null);
        }}
        onFocus={(e) => e.currentTarget.select()}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          if (text.trim() === "") onChange(null);
          else setText(chosenName);
        }}
      />
      {value ? (
        <button
          type="button"
          className="combo-clear"
          aria-label="Clear"
          onClick={() => {
            onChange(null);
            setText("");
          }}
        >
          <span aria-hidden="true">×</span>
        </button>
      ) : null}
      {open ? (
        <ul id={listId} role="listbox" className="combo-list" aria-label="Matches">
          {options.map((option, index) => (
            <li
              key={option.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? "combo-option combo-option-active" : "combo-option"}
              // Choosing happens before the input's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(index);
              }}
            >
              {option.name}
            </li>
          ))}
          {results.isSuccess && options.length === 0 ? (
            <li className="combo-empty" role="presentation">
              No match
            </li>
          ) : null}
          {results.isPending ? (
            <li className="combo-empty" role="presentation">
              Searching…
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}

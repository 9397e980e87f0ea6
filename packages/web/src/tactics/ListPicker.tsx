// Pick one of a list already loaded (a plan's initiatives, its milestones) by typing part of its
// name: the same ARIA combobox as the CRM's record picker, filtering in the browser.
import { useId, useMemo, useState } from "react";
import type { KeyboardEvent } from "react";
import type { ControlProps } from "../ui/Field";

export interface PickOption {
  id: string;
  label: string;
  /** A second line: the period, the owner, the target. */
  hint?: string;
}

interface Props {
  control: ControlProps;
  options: readonly PickOption[];
  value: string | null;
  onChange: (id: string | null) => void;
  placeholder?: string;
}

const SHOWN = 12;

export function ListPicker({ control, options, value, onChange, placeholder }: Props) {
  const listId = useId();
  const chosen = options.find((o) => o.id === value);
  const [text, setText] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const shown = text ?? chosen?.label ?? "";
  const matches = useMemo(() => {
    const words = (text ?? "").toLowerCase().split(/\s+/).filter(Boolean);
    return options
      .filter((o) => {
        const hay = `${o.label} ${o.hint ?? ""}`.toLowerCase();
        return words.every((w) => hay.includes(w));
      })
      .slice(0, SHOWN);
  }, [options, text]);

  const choose = (index: number) => {
    const option = matches[index];
    if (!option) return;
    onChange(option.id);
    setText(null);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((i) => Math.min(i + 1, matches.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter" && open && matches.length > 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape" && open) {
      // Close the list, not the dialog around it.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  const activeId = open && matches[active] ? `${listId}-${active}` : undefined;
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
        placeholder={placeholder ?? (options.length === 0 ? "None to choose from" : "Type to search")}
        value={shown}
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
          if (text !== null && text.trim() === "") onChange(null);
          setText(null);
        }}
      />
      {value ? (
        <button
          type="button"
          className="combo-clear"
          aria-label="Clear"
          onClick={() => {
            onChange(null);
            setText(null);
          }}
        >
          <span aria-hidden="true">×</span>
        </button>
      ) : null}
      {open ? (
        <ul id={listId} role="listbox" className="combo-list" aria-label="Matches">
          {matches.map((option, index) => (
            <li
              key={option.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? "combo-option combo-option-active" : "combo-option"}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(index);
              }}
            >
              {option.label}
              {option.hint ? <span className="muted small block">{option.hint}</span> : null}
            </li>
          ))}
          {matches.length === 0 ? (
            <li className="combo-empty" role="presentation">
              No match
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}

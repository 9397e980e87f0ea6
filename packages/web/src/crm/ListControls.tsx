// The bar above every sales list: search as you type, sort, saved views, and the list's filters
// (always shown on wide screens, behind a "Filters" button on phones).
import { useEffect, useId, useState } from "react";
import type { ReactNode } from "react";
import type { ViewEntity } from "@oars/core";
import { useDebounced } from "../ui/useDebounced";
import { ENTITY_LABELS } from "./labels";
import { OwnerFilter } from "./OwnerFilter";
import type { ListSearch } from "./queries";
import { SavedViews } from "./SavedViews";
import { filterCount } from "./search";

export interface SortOption {
  value: string;
  label: string;
}

interface ListControlsProps {
  entity: ViewEntity;
  search: ListSearch;
  onChange: (next: ListSearch, options?: { replace?: boolean }) => void;
  /** "sort:dir" pairs. */
  sorts: SortOption[];
  defaultSort: string;
  /** The entity's own filters, laid out in the filter panel. */
  children?: (props: FilterProps) => ReactNode;
  searchPlaceholder?: string;
  parseView: (query: Record<string, string>) => ListSearch;
}

export interface FilterProps {
  search: ListSearch;
  set: (key: string, value: string | undefined) => void;
}

export function ListControls(props: ListControlsProps) {
  const { entity, search, onChange } = props;
  const id = useId();
  const [text, setText] = useState(typeof search.q === "string" ? search.q : "");
  // Open from the start when filters are set (a saved view, a shared link); closed otherwise.
  const [open, setOpen] = useState(() => filterCount(search) > 0);
  const q = useDebounced(text.trim(), 150);
  const count = filterCount(search);

  // Typing searches as soon as the person pauses; the address follows without piling up history.
  useEffect(() => {
    const current = typeof search.q === "string" ? search.q : "";
    if (q !== current) onChange({ ...search, q: q || undefined }, { replace: true });
    // Only a settled new text searches; other filter changes must not re-run this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);
  // A saved view or the back button changes the search from outside.
  useEffect(() => {
    const outside = typeof search.q === "string" ? search.q : "";
    setText((mine) => (mine.trim() === outside ? mine : outside));
  }, [search.q]);

  const sortValue = `${String(search.sort ?? props.defaultSort.split(":")[0])}:${String(
    search.dir ?? props.defaultSort.split(":")[1],
  )}`;
  const set = (key: string, value: string | undefined) => onChange({ ...search, [key]: value || undefined });
  const plural = ENTITY_LABELS[entity].many;

  return (
    <section className="card list-controls" aria-label={`Search and filter ${plural}`}>
      <div className="list-controls-row">
        <div className="list-search">
          <label htmlFor={`${id}-q`} className="visually-hidden">
            Search {plural}
          </label>
          <input
            id={`${id}-q`}
            className="input"
            type="search"
            autoComplete="off"
            placeholder={props.searchPlaceholder ?? `Search ${plural} by name`}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="list-sort">
          <label htmlFor={`${id}-sort`} className="visually-hidden">
            Sort by
          </label>
          <select
            id={`${id}-sort`}
            className="input input-small"
            value={sortValue}
            onChange={(e) => {
              const [sort, dir] = e.target.value.split(":");
              onChange({ ...search, sort, dir });
            }}
          >
            {props.sorts.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <SavedViews entity={entity} search={search} onApply={(query) => onChange(props.parseView(query))} />
        <button
          type="button"
          className="button button-small filters-toggle"
          aria-expanded={open}
          aria-controls={`${id}-filters`}
          onClick={() => setOpen((v) => !v)}
        >
          Filters{count > 0 ? ` (${count})` : ""}
        </button>
      </div>
      <div id={`${id}-filters`} className={open ? "list-filters list-filters-open" : "list-filters"}>
        <div className="field list-filter">
          <label htmlFor={`${id}-owner`}>Owner</label>
          <OwnerFilter id={`${id}-owner`} search={search} onChange={onChange} />
        </div>
        {props.children?.({ search, set })}
        {count > 0 ? (
          <button
            type="button"
            className="link-button small list-clear"
            onClick={() => onChange({ q: search.q, sort: search.sort, dir: search.dir })}
          >
            Clear filters
          </button>
        ) : null}
      </div>
    </section>
  );
}

/** One labelled filter: a select of fixed choices. */
export function SelectFilter(props: {
  label: string;
  value: string | boolean | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
  anyLabel?: string;
}) {
  const id = useId();
  return (
    <div className="field list-filter">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        className="input input-small"
        value={typeof props.value === "string" ? props.value : ""}
        onChange={(e) => props.onChange(e.target.value || undefined)}
      >
        <option value="">{props.anyLabel ?? "Any"}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One labelled filter: free text or a date, applied when the field is left or Enter pressed. */
export function InputFilter(props: {
  label: string;
  value: string | boolean | undefined;
  type?: "text" | "date";
  onChange: (value: string | undefined) => void;
}) {
  const id = useId();
  const outside = typeof props.value === "string" ? props.value : "";
  const [text, setText] = useState(outside);
  useEffect(() => setText(outside), [outside]);
  const apply = () => {
    if (text.trim() !== outside) props.onChange(text.trim() || undefined);
  };
  return (
    <div className="field list-filter">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        className="input input-small"
        type={props.type ?? "text"}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (props.type === "date") props.onChange(e.target.value || undefined);
        }}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === "Enter") apply();
        }}
      />
    </div>
  );
}

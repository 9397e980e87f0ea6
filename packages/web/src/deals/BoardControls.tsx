// The board's filters: search by name, whose deals, new or existing business.
import { useEffect, useState } from "react";
import { BusinessType } from "@oars/core";
import { BUSINESS_TYPE_LABELS } from "../crm/labels";
import { OwnerFilter } from "../crm/OwnerFilter";
import type { ListSearch } from "../crm/queries";
import { useDebounced } from "../ui/useDebounced";

interface BoardControlsProps {
  search: ListSearch;
  onChange: (next: ListSearch, options?: { replace?: boolean }) => void;
}

export function BoardControls({ search, onChange }: BoardControlsProps) {
  const outside = typeof search.q === "string" ? search.q : "";
  const [text, setText] = useState(outside);
  const q = useDebounced(text.trim(), 150);
  useEffect(() => {
    if (q !== outside) onChange({ ...search, q: q || undefined }, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  return (
    <section className="card list-controls board-controls" aria-label="Filter the board">
      <div className="list-controls-row">
        <div className="list-search">
          <label htmlFor="board-q" className="visually-hidden">
            Search deals
          </label>
          <input
            id="board-q"
            className="input"
            type="search"
            autoComplete="off"
            placeholder="Find a deal by name"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <label htmlFor="board-owner" className="visually-hidden">
          Owner
        </label>
        <OwnerFilter id="board-owner" search={search} onChange={onChange} />
        <label htmlFor="board-business" className="visually-hidden">
          Business
        </label>
        <select
          id="board-business"
          className="input input-small board-business"
          value={typeof search.businessType === "string" ? search.businessType : ""}
          onChange={(e) => onChange({ ...search, businessType: e.target.value || undefined })}
        >
          <option value="">New and existing</option>
          {BusinessType.options.map((v) => (
            <option key={v} value={v}>
              {BUSINESS_TYPE_LABELS[v]}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}

// List or board: two ways to look at the same deals, keeping the filters both understand.
import { Link } from "@tanstack/react-router";
import type { ListSearch } from "../crm/queries";
import { boardSearch, dealSearch } from "../crm/search";

export function DealViewSwitch({ current, search }: { current: "list" | "board"; search: ListSearch }) {
  return (
    <nav className="view-switch" aria-label="Deals view">
      <Link
        to="/deals"
        search={dealSearch(search)}
        className="view-switch-item"
        aria-current={current === "list" ? "page" : undefined}
      >
        List
      </Link>
      <Link
        to="/deals/board"
        search={boardSearch(search)}
        className="view-switch-item"
        aria-current={current === "board" ? "page" : undefined}
      >
        Board
      </Link>
    </nav>
  );
}

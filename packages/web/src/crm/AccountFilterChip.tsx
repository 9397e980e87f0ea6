// A list narrowed to one account (opened from the account's page) says so, and lets go of it.
import type { ListSearch } from "./queries";
import { AccountName } from "./names";

export function AccountFilterChip({ search, onClear }: { search: ListSearch; onClear: () => void }) {
  if (typeof search.accountId !== "string") return null;
  return (
    <div className="field list-filter">
      <span className="label">Account</span>
      <span className="chip account-chip">
        <AccountName id={search.accountId} />
        <button type="button" className="chip-remove" aria-label="Show every account" onClick={onClear}>
          <span aria-hidden="true">×</span>
        </button>
      </span>
    </div>
  );
}

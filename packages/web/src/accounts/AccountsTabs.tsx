// Accounts and their contacts: two lists side by side in the navigation of the accounts pages.
import { Link } from "@tanstack/react-router";

export function AccountsTabs({ current }: { current: "accounts" | "contacts" }) {
  return (
    <nav className="view-switch page-tabs" aria-label="Accounts and contacts">
      <Link
        to="/accounts"
        className="view-switch-item"
        aria-current={current === "accounts" ? "page" : undefined}
      >
        Accounts
      </Link>
      <Link
        to="/contacts"
        className="view-switch-item"
        aria-current={current === "contacts" ? "page" : undefined}
      >
        Contacts
      </Link>
    </nav>
  );
}

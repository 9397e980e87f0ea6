// /profile: who you are, your password, your personal API tokens and your notifications.
import { Link } from "@tanstack/react-router";
import { useSession } from "../auth/session";
import { ROLE_LABELS, initials } from "../ui/format";
import { ApiTokens } from "./ApiTokens";
import { ChangePasswordForm } from "./ChangePasswordForm";
import { NotificationPreferencesCard } from "./NotificationPreferencesCard";

export function ProfilePage() {
  const { person } = useSession();
  return (
    <div className="page">
      <header className="page-header">
        <div className="person-summary">
          <span className="avatar avatar-large" aria-hidden="true">
            {initials(person.name)}
          </span>
          <div>
            <h1>{person.name}</h1>
            <p className="muted">
              {person.email} · {ROLE_LABELS[person.role]} ·{" "}
              <Link to="/people/$personId" params={{ personId: person.id }}>
                Your card and team history
              </Link>
            </p>
          </div>
        </div>
      </header>
      <div className="profile-grid">
        <ChangePasswordForm />
        <ApiTokens />
        <NotificationPreferencesCard />
      </div>
    </div>
  );
}

// The signed-in frame: navigation (a sidebar on wide screens, a menu button on phones) around the
// page. It shows only pages that exist and that the person may open.
import { useEffect, useRef, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, Outlet, useLocation, useRouter } from "@tanstack/react-router";
import type { Session } from "@oars/core";
import { api } from "../api/client";
import { errorMessage } from "../api/errors";
import { SessionContext, forgetSession, safeRedirect, sessionQuery } from "../auth/session";
import { LogActivityHost } from "../crm/LogActivityHost";
import { NotificationBell } from "../plans/NotificationBell";
import { Brand } from "../ui/Brand";
import { Icon } from "../ui/Icon";
import type { IconName } from "../ui/Icon";
import { ThemeToggle } from "../ui/ThemeToggle";
import { useToast } from "../ui/Toast";
import { ROLE_LABELS, initials } from "../ui/format";

interface NavEntry {
  to:
    | "/"
    | "/team"
    | "/audit"
    | "/settings"
    | "/profile"
    | "/plans"
    | "/strategy-map"
    | "/accounts"
    | "/deals"
    | "/activities"
    | "/import"
    | "/my-week"
    | "/tactics"
    | "/attainment";
  label: string;
  icon: IconName;
  adminOnly?: boolean;
}

const NAV: NavEntry[] = [
  { to: "/", label: "Home", icon: "home" },
  { to: "/my-week", label: "My week", icon: "calendar" },
  { to: "/plans", label: "Plans", icon: "plans" },
  { to: "/tactics", label: "Tactics", icon: "target" },
  { to: "/strategy-map", label: "Strategy map", icon: "map" },
  { to: "/attainment", label: "Attainment", icon: "audit" },
  { to: "/accounts", label: "Accounts", icon: "accounts" },
  { to: "/deals", label: "Deals", icon: "deals" },
  { to: "/activities", label: "Activities", icon: "activity" },
  { to: "/team", label: "Team", icon: "team" },
  { to: "/import", label: "Import", icon: "upload" },
  { to: "/audit", label: "Audit log", icon: "audit", adminOnly: true },
  { to: "/settings", label: "Settings", icon: "settings", adminOnly: true },
];

export function AppFrame() {
  const { data: session } = useQuery(sessionQuery);
  const [leaving, setLeaving] = useState(false);

  if (!session) return leaving ? null : <SessionEnded />;
  return (
    <SessionContext.Provider value={session}>
      <div className="app">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <Navigation session={session} onLeaving={() => setLeaving(true)} />
        <main id="main" className="app-main" tabIndex={-1}>
          <Outlet />
        </main>
        <LogActivityHost />
      </div>
    </SessionContext.Provider>
  );
}

/** The session ended under us (expired, ended by an admin): sign in again, then come back here. */
function SessionEnded() {
  const router = useRouter();
  const started = useRef(false);
  useEffect(() => {
    // Once only: the location changes while the navigation runs, and a second redirect would
    // wrap the first one's URL inside itself.
    if (started.current) return;
    started.current = true;
    const here = router.state.location.href;
    void router.navigate({
      to: "/sign-in",
      search: { redirect: safeRedirect(here) === "/" ? undefined : here },
      replace: true,
    });
  }, [router]);
  return null;
}

function Navigation({ session, onLeaving }: { session: Session; onLeaving: () => void }) {
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const router = useRouter();
  const queryClient = useQueryClient();
  const notify = useToast();
  const menuButton = useRef<HTMLButtonElement>(null);
  const isAdmin = session.person.role === "admin";

  // A page change closes the phone menu.
  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        menuButton.current?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  async function signOut() {
    onLeaving();
    try {
      await api.post("/api/v1/auth/sign-out", undefined, { expectUnauthenticated: true });
    } catch (error) {
      notify(errorMessage(error), "error");
    }
    forgetSession(queryClient);
    await router.navigate({ to: "/sign-in" });
  }

  return (
    <header className={open ? "sidebar sidebar-open" : "sidebar"}>
      <div className="sidebar-top">
        <Link to="/" className="brand-link" aria-label={`Oars, ${session.org.name}: home`}>
          <Brand orgName={session.org.name} />
        </Link>
        <NotificationBell />
        <button
          ref={menuButton}
          type="button"
          className="icon-button menu-button"
          aria-expanded={open}
          aria-controls="main-nav"
          onClick={() => setOpen((value) => !value)}
        >
          <Icon name={open ? "close" : "menu"} />
          <span className="visually-hidden">Menu</span>
        </button>
      </div>
      <nav id="main-nav" className="nav" aria-label="Main">
        <ul className="nav-list">
          {NAV.filter((entry) => !entry.adminOnly || isAdmin).map((entry) => (
            <li key={entry.to}>
              <Link
                to={entry.to}
                className="nav-item"
                activeProps={{ className: "nav-item nav-item-active" }}
                activeOptions={{ exact: entry.to === "/", includeSearch: false }}
              >
                <Icon name={entry.icon} />
                <span>{entry.label}</span>
              </Link>
            </li>
          ))}
        </ul>
        <div className="nav-footer">
          <Link
            to="/profile"
            className="nav-item nav-person"
            activeProps={{ className: "nav-item nav-person nav-item-active" }}
          >
            <span className="avatar avatar-small" aria-hidden="true">
              {initials(session.person.name)}
            </span>
            <span className="nav-person-text">
              <span>Profile</span>
              <span className="nav-person-name">
                {session.person.name} · {ROLE_LABELS[session.person.role]}
              </span>
            </span>
          </Link>
          <ThemeToggle showLabel />
          <button type="button" className="nav-item" onClick={() => void signOut()}>
            <Icon name="signOut" />
            <span>Sign out</span>
          </button>
        </div>
      </nav>
    </header>
  );
}

// The bell in the frame: what one was told in the app (an @mention today), newest first, each a
// link to where it happened.
import { useEffect, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { formatInstant } from "../ui/format";
import { notificationsQuery, useReadNotifications } from "./queries";

export function NotificationBell() {
  const inbox = useQuery(notificationsQuery);
  const read = useReadNotifications();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const unread = inbox.data?.unread ?? 0;

  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (root.current && e.target instanceof Node && !root.current.contains(e.target)) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("mousedown", away);
    document.addEventListener("keydown", esc);
    return () => {
      document.removeEventListener("mousedown", away);
      document.removeEventListener("keydown", esc);
    };
  }, [open]);

  return (
    <div className="bell" ref={root}>
      <button
        type="button"
        className="icon-button bell-button"
        aria-expanded={open}
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
        onClick={() => setOpen(!open)}
      >
        <svg
          width="18"
          height="18"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
          aria-hidden="true"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 ? <span className="bell-count">{unread > 9 ? "9+" : unread}</span> : null}
      </button>
      {open ? (
        <div className="bell-panel" role="region" aria-label="Notifications">
          <div className="bell-head">
            <span className="strong">Notifications</span>
            {unread > 0 ? (
              <button type="button" className="link-button small" onClick={() => read.all.mutate()}>
                Mark all read
              </button>
            ) : null}
          </div>
          {inbox.data && inbox.data.items.length > 0 ? (
            <ul className="bell-list">
              {inbox.data.items.map((n) => (
                <li key={n.id} className={n.readAt ? "bell-item" : "bell-item bell-unread"}>
                  <button
                    type="button"
                    onClick={() => {
                      if (!n.readAt) read.one.mutate(n.id);
                      setOpen(false);
                      void navigate({ href: n.link });
                    }}
                  >
                    <span className="bell-title">{n.title}</span>
                    <span className="bell-body">{n.body}</span>
                    <span className="muted small">{formatInstant(n.createdAt)}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small bell-empty">Nothing yet. When someone mentions you, it shows here.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}

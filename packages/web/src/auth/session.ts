// The signed-in session: fetched once, kept in the query cache, and the source of the CSRF token.
import { createContext, useContext } from "react";
import type { QueryClient } from "@tanstack/react-query";
import { queryOptions } from "@tanstack/react-query";
import type { Session } from "@oars/core";
import { api, isApiError, setCsrfToken } from "../api/client";

export const sessionKey = ["session"] as const;

export const sessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: async (): Promise<Session | null> => {
    try {
      const session = await api.get<Session>("/api/v1/auth/session", { expectUnauthenticated: true });
      setCsrfToken(session.csrfToken);
      return session;
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

export const setupStatusQuery = queryOptions({
  queryKey: ["setup"] as const,
  queryFn: () => api.get<{ needsSetup: boolean }>("/api/v1/setup"),
  staleTime: 60_000,
});

/** Records a session the API just handed us (sign-in, set-up, set-password). */
export function acceptSession(queryClient: QueryClient, session: Session): void {
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(sessionKey, session);
  queryClient.setQueryData(setupStatusQuery.queryKey, { needsSetup: false });
}

/** Forgets everything cached for the signed-out person. */
export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  // The session query stays (now null) so the app frame, which observes it, sees the sign-out
  // and leaves; everything else read as this person goes.
  queryClient.setQueryData(sessionKey, null);
  queryClient.removeQueries({
    predicate: (q) => q.queryKey[0] !== "setup" && q.queryKey[0] !== sessionKey[0],
  });
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in session; only for components rendered inside the app frame. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession() used outside the signed-in app frame");
  return session;
}

/** A path inside this app to return to after signing in; anything else becomes "/". */
export function safeRedirect(target: unknown): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//")) return "/";
  if (/^\/(sign-in|setup|set-password|forgot-password)\b/.test(target)) return "/";
  return target;
}

// Entry point of the Oars web app: the query cache, the router, notices, and the styles.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { isApiError, setUnauthenticatedHandler } from "./api/client";
import { createAppRouter } from "./app/router";
import { forgetSession, sessionKey } from "./auth/session";
import { ToastProvider } from "./ui/Toast";
import "./styles/index.css";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; only network and server failures are retried.
      retry: (failures, error) =>
        failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: true,
    },
  },
});

const router = createAppRouter(queryClient);

// The session ended on the server (expired, ended by an admin, signed out elsewhere): drop what we
// know; the app frame then sends the person to sign in and back here afterwards.
setUnauthenticatedHandler(() => {
  if (queryClient.getQueryData(sessionKey)) forgetSession(queryClient);
});

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);

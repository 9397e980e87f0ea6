// The route tree: the signed-out pages, and the signed-in frame with one route per feature.
// Heavier pages load on demand.
import type { QueryClient } from "@tanstack/react-query";
import {
  Link,
  Outlet,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from "@tanstack/react-router";
import { ForgotPasswordPage } from "../auth/ForgotPasswordPage";
import { SetPasswordPage } from "../auth/SetPasswordPage";
import { SignInPage } from "../auth/SignInPage";
import { safeRedirect, sessionQuery, setupStatusQuery } from "../auth/session";
import { HomePage } from "../home/HomePage";
import { accountSearch, activitySearch, boardSearch, contactSearch, dealSearch } from "../crm/search";
import { mapSearch, planSearch, plansSearch } from "../plans/search";
import { myWeekSearch, tacticalPlanSearch, tacticsSearch } from "../tactics/search";
import { SetupPage } from "../setup/SetupPage";
import { ErrorNotice, Loading } from "../ui/Status";
import { AppFrame } from "./AppFrame";

export interface RouterContext {
  queryClient: QueryClient;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/setup",
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.fetchQuery({ ...setupStatusQuery, staleTime: 2_000 });
    if (!status.needsSetup) throw redirect({ to: "/sign-in" });
  },
  component: SetupPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: optionalString(search.redirect),
  }),
  beforeLoad: async ({ context, search }) => {
    const status = await context.queryClient.fetchQuery({ ...setupStatusQuery, staleTime: 2_000 });
    if (status.needsSetup) throw redirect({ to: "/setup" });
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (session) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: SignInPage,
});

const setPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/set-password",
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({
    token: optionalString(search.token),
  }),
  component: SetPasswordPage,
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/forgot-password",
  component: ForgotPasswordPage,
});

/** Everything below needs a session; without one, go to set-up (first run) or sign-in. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (session) return;
    const status = await context.queryClient.fetchQuery({ ...setupStatusQuery, staleTime: 2_000 });
    if (status.needsSetup) throw redirect({ to: "/setup" });
    throw redirect({
      to: "/sign-in",
      search: { redirect: location.href === "/" ? undefined : location.href },
    });
  },
  component: AppFrame,
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: "/", component: HomePage });

const teamRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/team",
  validateSearch: (search: Record<string, unknown>): { teamId?: string } => ({
    teamId: optionalString(search.teamId),
  }),
  component: lazyRouteComponent(() => import("../team/TeamPage"), "TeamPage"),
});

const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/people/$personId",
  component: lazyRouteComponent(() => import("../people/PersonPage"), "PersonPage"),
});

const profileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/profile",
  component: lazyRouteComponent(() => import("../profile/ProfilePage"), "ProfilePage"),
});

export interface AuditSearch {
  entity?: string;
  entityId?: string;
  actorId?: string;
}

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/audit",
  validateSearch: (search: Record<string, unknown>): AuditSearch => ({
    entity: optionalString(search.entity),
    entityId: optionalString(search.entityId),
    actorId: optionalString(search.actorId),
  }),
  component: lazyRouteComponent(() => import("../audit/AuditPage"), "AuditPage"),
});

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/settings",
  component: lazyRouteComponent(() => import("../settings/SettingsPage"), "SettingsPage"),
});

const plansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/plans",
  validateSearch: plansSearch,
  component: lazyRouteComponent(() => import("../plans/PlansPage"), "PlansPage"),
});

const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/plans/$planId",
  validateSearch: planSearch,
  component: lazyRouteComponent(() => import("../plans/PlanPage"), "PlanPage"),
});

const planPrintRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/plans/$planId/print",
  component: lazyRouteComponent(() => import("../plans/PlanPrintPage"), "PlanPrintPage"),
});

const strategyMapRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/strategy-map",
  validateSearch: mapSearch,
  component: lazyRouteComponent(() => import("../plans/StrategyMapPage"), "StrategyMapPage"),
});

const accountsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/accounts",
  validateSearch: accountSearch,
  component: lazyRouteComponent(() => import("../accounts/AccountsPage"), "AccountsPage"),
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/accounts/$accountId",
  component: lazyRouteComponent(() => import("../accounts/AccountPage"), "AccountPage"),
});

const contactsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/contacts",
  validateSearch: contactSearch,
  component: lazyRouteComponent(() => import("../accounts/ContactsPage"), "ContactsPage"),
});

const dealsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/deals",
  validateSearch: dealSearch,
  component: lazyRouteComponent(() => import("../deals/DealsPage"), "DealsPage"),
});

const dealBoardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/deals/board",
  validateSearch: boardSearch,
  component: lazyRouteComponent(() => import("../deals/DealBoard"), "DealBoard"),
});

const dealRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/deals/$dealId",
  component: lazyRouteComponent(() => import("../deals/DealPage"), "DealPage"),
});

const activitiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/activities",
  validateSearch: activitySearch,
  component: lazyRouteComponent(() => import("../activities/ActivitiesPage"), "ActivitiesPage"),
});

const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/import",
  validateSearch: (search: Record<string, unknown>): { job?: string } => ({
    job: optionalString(search.job),
  }),
  component: lazyRouteComponent(() => import("../import/ImportPage"), "ImportPage"),
});

const tacticsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/tactics",
  validateSearch: tacticsSearch,
  component: lazyRouteComponent(() => import("../tactics/TacticsPage"), "TacticsPage"),
});

const tacticalPlanRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/tactics/$tacticalPlanId",
  validateSearch: tacticalPlanSearch,
  component: lazyRouteComponent(() => import("../tactics/TacticalPlanPage"), "TacticalPlanPage"),
});

const myWeekRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/my-week",
  validateSearch: myWeekSearch,
  component: lazyRouteComponent(() => import("../tactics/MyWeekPage"), "MyWeekPage"),
});

const objectiveProgressRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/objectives/$objectiveId/progress",
  component: lazyRouteComponent(() => import("../progress/ObjectiveProgressPage"), "ObjectiveProgressPage"),
});

const milestoneProgressRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/milestones/$milestoneId/progress",
  component: lazyRouteComponent(() => import("../progress/ObjectiveProgressPage"), "MilestoneProgressPage"),
});

const attainmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/attainment",
  component: lazyRouteComponent(() => import("../progress/AttainmentPage"), "AttainmentPage"),
});

const routeTree = rootRoute.addChildren([
  setupRoute,
  signInRoute,
  setPasswordRoute,
  forgotPasswordRoute,
  appRoute.addChildren([
    homeRoute,
    teamRoute,
    personRoute,
    profileRoute,
    auditRoute,
    settingsRoute,
    plansRoute,
    planRoute,
    planPrintRoute,
    strategyMapRoute,
    accountsRoute,
    accountRoute,
    contactsRoute,
    dealsRoute,
    dealBoardRoute,
    dealRoute,
    objectiveProgressRoute,
    milestoneProgressRoute,
    attainmentRoute,
    activitiesRoute,
    importRoute,
    tacticsRoute,
    tacticalPlanRoute,
    myWeekRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
    defaultPendingComponent: () => <Loading />,
    defaultErrorComponent: ({ error, reset }) => (
      <div className="page">
        <ErrorNotice error={error} onRetry={reset} />
      </div>
    ),
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}

function NotFound() {
  return (
    <div className="page narrow">
      <h1>Page not found</h1>
      <p className="muted">
        There is nothing at this address. It may have moved, or the link may be mistyped.
      </p>
      <p>
        <Link to="/" className="button">
          Go home
        </Link>
      </p>
    </div>
  );
}

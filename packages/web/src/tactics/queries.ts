// Reading tactical planning from the API. Every key starts with "tactics", so a change anywhere
// refreshes what might show it.
import { queryOptions, useQueryClient } from "@tanstack/react-query";
import type {
  Action,
  CalendarFeed,
  CapacityReport,
  MyWeek,
  Initiative,
  Milestone,
  Objective,
  Page,
  Person,
  SplitRowKind,
  SplitGrain,
  SplitSetup,
  StrategicPlan,
  TacticalFunnel,
  TacticalPlan,
  TargetSplit,
  Timeline,
} from "@oars/core";
import { api, query } from "../api/client";

async function allPages<T>(
  path: string,
  params: Record<string, string | undefined>,
  signal: AbortSignal,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await api.get(`${path}${query({ ...params, limit: 500, cursor })}`, { signal });
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out;
}

export const tacticalPlansQuery = (strategicPlanId?: string) =>
  queryOptions({
    queryKey: ["tactics", "plans", strategicPlanId ?? "all"] as const,
    queryFn: ({ signal }) => allPages<TacticalPlan>("/api/v1/tactical-plans", { strategicPlanId }, signal),
    staleTime: 15_000,
  });

export const tacticalPlanQuery = (id: string) =>
  queryOptions({
    queryKey: ["tactics", "plan", id] as const,
    queryFn: ({ signal }) => api.get<TacticalPlan>(`/api/v1/tactical-plans/${id}`, { signal }),
  });

export const strategicPlansQuery = queryOptions({
  queryKey: ["tactics", "strategic-plans"] as const,
  queryFn: ({ signal }) => allPages<StrategicPlan>("/api/v1/plans", {}, signal),
  staleTime: 60_000,
});

export const planObjectivesQuery = (strategicPlanId: string) =>
  queryOptions({
    queryKey: ["tactics", "objectives", strategicPlanId] as const,
    queryFn: ({ signal }) =>
      api
        .get<{ items: Objective[] }>(`/api/v1/plans/${strategicPlanId}/objectives`, { signal })
        .then((r) => r.items),
    staleTime: 30_000,
  });

export const planInitiativesQuery = (strategicPlanId: string) =>
  queryOptions({
    queryKey: ["tactics", "initiatives", strategicPlanId] as const,
    queryFn: ({ signal }) =>
      api
        .get<{ items: Initiative[] }>(`/api/v1/plans/${strategicPlanId}/initiatives`, { signal })
        .then((r) => r.items),
    staleTime: 30_000,
  });

export const planMilestonesQuery = (tacticalPlanId: string) =>
  queryOptions({
    queryKey: ["tactics", "milestones", tacticalPlanId] as const,
    queryFn: ({ signal }) =>
      api
        .get<{ items: Milestone[] }>(`/api/v1/milestones${query({ tacticalPlanId, limit: 5000 })}`, {
          signal,
        })
        .then((r) => r.items),
  });

export const peopleQuery = queryOptions({
  queryKey: ["tactics", "people"] as const,
  queryFn: ({ signal }) => allPages<Person>("/api/v1/people", {}, signal),
  staleTime: 5 * 60_000,
});

export interface SetupKey {
  objectiveId: string;
  parentMilestoneId?: string;
  rowKind?: SplitRowKind;
  grain?: SplitGrain;
}

export const splitSetupQuery = (planId: string, key: SetupKey) =>
  queryOptions({
    queryKey: ["tactics", "split-setup", planId, key] as const,
    queryFn: ({ signal }) =>
      api.get<SplitSetup>(`/api/v1/tactical-plans/${planId}/split-setup${query({ ...key })}`, { signal }),
  });

export const splitsQuery = (planId: string) =>
  queryOptions({
    queryKey: ["tactics", "splits", planId] as const,
    queryFn: ({ signal }) =>
      api
        .get<{ items: TargetSplit[] }>(`/api/v1/tactical-plans/${planId}/splits`, { signal })
        .then((r) => r.items),
  });

export const funnelQuery = (planId: string) =>
  queryOptions({
    queryKey: ["tactics", "funnel", planId] as const,
    queryFn: ({ signal }) => api.get<TacticalFunnel>(`/api/v1/tactical-plans/${planId}/funnel`, { signal }),
  });

export const actionsQuery = (planId: string) =>
  queryOptions({
    queryKey: ["tactics", "actions", planId] as const,
    queryFn: ({ signal }) =>
      api
        .get<{ items: Action[] }>(`/api/v1/tactical-plans/${planId}/actions`, { signal })
        .then((r) => r.items),
  });

export const capacityQuery = (planId: string) =>
  queryOptions({
    queryKey: ["tactics", "capacity", planId] as const,
    queryFn: ({ signal }) => api.get<CapacityReport>(`/api/v1/tactical-plans/${planId}/capacity`, { signal }),
  });

export const timelineQuery = (planId: string) =>
  queryOptions({
    queryKey: ["tactics", "timeline", planId] as const,
    queryFn: ({ signal }) => api.get<Timeline>(`/api/v1/tactical-plans/${planId}/timeline`, { signal }),
  });

export const myWeekQuery = (date?: string, personId?: string) =>
  queryOptions({
    queryKey: ["tactics", "my-week", date ?? "today", personId ?? "me"] as const,
    queryFn: ({ signal }) => api.get<MyWeek>(`/api/v1/my-week${query({ date, personId })}`, { signal }),
  });

export const calendarFeedQuery = queryOptions({
  queryKey: ["tactics", "calendar-feed"] as const,
  queryFn: ({ signal }) => api.get<CalendarFeed>("/api/v1/calendar-feed", { signal }),
});

/** After any change: everything tactical may show it, and the plan checks too. */
export function useRefreshTactics() {
  const client = useQueryClient();
  // Returned to a mutation's onSuccess, the promise keeps it pending until the fresh data is in.
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ["tactics"] }),
      client.invalidateQueries({ queryKey: ["plans"] }),
    ]).then(() => undefined);
}

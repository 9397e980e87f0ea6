// Live progress from the API: the signed-in person's dashboard, an objective's and a plan's
// progress, and the deals and activities behind a figure (cut to the reader's scope server-side).
import { queryOptions } from "@tanstack/react-query";
import type { Dashboard, DrillActivity, DrillDeal, ObjectiveProgress, PlanProgress } from "@oars/core";
import { api } from "../api/client";

export const dashboardQuery = queryOptions({
  queryKey: ["progress", "dashboard"],
  queryFn: ({ signal }) => api.get<Dashboard>("/api/v1/dashboard", { signal }),
});

export const objectiveProgressQuery = (id: string) =>
  queryOptions({
    queryKey: ["progress", "objective", id],
    queryFn: ({ signal }) => api.get<ObjectiveProgress>(`/api/v1/objectives/${id}/progress`, { signal }),
  });

export const planProgressQuery = (id: string) =>
  queryOptions({
    queryKey: ["progress", "plan", id],
    queryFn: ({ signal }) => api.get<PlanProgress>(`/api/v1/plans/${id}/progress`, { signal }),
  });

export const drillDealsQuery = (id: string) =>
  queryOptions({
    queryKey: ["progress", "objective", id, "deals"],
    queryFn: ({ signal }) =>
      api.get<{ items: DrillDeal[]; truncated: boolean }>(`/api/v1/objectives/${id}/progress/deals`, {
        signal,
      }),
  });

export const drillActivitiesQuery = (id: string) =>
  queryOptions({
    queryKey: ["progress", "objective", id, "activities"],
    queryFn: ({ signal }) =>
      api.get<{ items: DrillActivity[]; truncated: boolean }>(
        `/api/v1/objectives/${id}/progress/activities`,
        {
          signal,
        },
      ),
  });

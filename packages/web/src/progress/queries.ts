// Live progress from the API: the signed-in person's dashboard, an objective's and a plan's
// progress, and the deals and activities behind a figure (cut to the reader's scope server-side).
import { queryOptions } from "@tanstack/react-query";
import type {
  Dashboard,
  DrillActivity,
  DrillDeal,
  MilestoneProgress,
  ObjectiveProgress,
  PlanProgress,
  TacticalProgress,
} from "@oars/core";
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

/** What a figure is of: objectives and milestones have the same progress and drill-down routes. */
export type ProgressOf = "objectives" | "milestones";

export const milestoneProgressQuery = (id: string) =>
  queryOptions({
    queryKey: ["progress", "milestones", id],
    queryFn: ({ signal }) => api.get<MilestoneProgress>(`/api/v1/milestones/${id}/progress`, { signal }),
  });

export const tacticalProgressQuery = (id: string) =>
  queryOptions({
    queryKey: ["progress", "tactical", id],
    queryFn: ({ signal }) => api.get<TacticalProgress>(`/api/v1/tactical-plans/${id}/progress`, { signal }),
  });

export const drillDealsQuery = (id: string, of: ProgressOf = "objectives") =>
  queryOptions({
    queryKey: ["progress", of, id, "deals"],
    queryFn: ({ signal }) =>
      api.get<{ items: DrillDeal[]; truncated: boolean }>(`/api/v1/${of}/${id}/progress/deals`, { signal }),
  });

export const drillActivitiesQuery = (id: string, of: ProgressOf = "objectives") =>
  queryOptions({
    queryKey: ["progress", of, id, "activities"],
    queryFn: ({ signal }) =>
      api.get<{ items: DrillActivity[]; truncated: boolean }>(`/api/v1/${of}/${id}/progress/activities`, {
        signal,
      }),
  });

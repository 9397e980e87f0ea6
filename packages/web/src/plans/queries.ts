// Reading and changing strategic plans: the list, one plan and what it holds, templates, the
// strategy map, comments and notifications. Every change refreshes the plan it touched.
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  BaselineComparison,
  Comment,
  CommentCreate,
  Initiative,
  InitiativeCreate,
  InitiativeUpdate,
  NotificationList,
  Objective,
  ObjectiveCreate,
  ObjectiveUpdate,
  Page,
  Person,
  PlanAnswer,
  PlanChecks,
  PlanCreate,
  PlanDocument,
  PlanStatus,
  PlanTemplate,
  PlanUpdate,
  RefinementItem,
  StrategicPlan,
  StrategyMap,
  StrategyMapQuery,
} from "@oars/core";
import { api, isApiError, query, request } from "../api/client";

export interface PlanFilter {
  ownerType?: "person" | "team";
  ownerId?: string;
  status?: PlanStatus;
  from?: string;
  to?: string;
}

const planKey = (id: string) => ["plans", "one", id] as const;

export function plansQuery(filter: PlanFilter) {
  return queryOptions({
    queryKey: ["plans", "list", filter] as const,
    queryFn: async ({ signal }) => {
      const plans: StrategicPlan[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<StrategicPlan> = await api.get(
          `/api/v1/plans${query({ ...filter, limit: 500, cursor })}`,
          {
            signal,
          },
        );
        plans.push(...page.items);
        cursor = page.next;
      } while (cursor);
      return plans;
    },
    staleTime: 15_000,
  });
}

export const planQuery = (id: string) =>
  queryOptions({
    queryKey: planKey(id),
    queryFn: ({ signal }) => api.get<StrategicPlan>(`/api/v1/plans/${id}`, { signal }),
  });

const items =
  <T>(path: string) =>
  async ({ signal }: { signal: AbortSignal }) =>
    (await api.get<{ items: T[] }>(path, { signal })).items;

export const objectivesQuery = (planId: string) =>
  queryOptions({
    queryKey: [...planKey(planId), "objectives"],
    queryFn: items<Objective>(`/api/v1/plans/${planId}/objectives`),
  });
export const initiativesQuery = (planId: string) =>
  queryOptions({
    queryKey: [...planKey(planId), "initiatives"],
    queryFn: items<Initiative>(`/api/v1/plans/${planId}/initiatives`),
  });
export const refinementQuery = (planId: string) =>
  queryOptions({
    queryKey: [...planKey(planId), "refinement"],
    queryFn: items<RefinementItem>(`/api/v1/plans/${planId}/refinement`),
  });
export const checksQuery = (planId: string) =>
  queryOptions({
    queryKey: [...planKey(planId), "checks"],
    queryFn: ({ signal }) => api.get<PlanChecks>(`/api/v1/plans/${planId}/checks`, { signal }),
  });
export const baselineQuery = (planId: string) =>
  queryOptions({
    queryKey: [...planKey(planId), "baseline"],
    queryFn: ({ signal }) => api.get<BaselineComparison>(`/api/v1/plans/${planId}/baseline`, { signal }),
  });
export const documentQuery = (planId: string) =>
  queryOptions({
    queryKey: [...planKey(planId), "document"],
    queryFn: ({ signal }) => api.get<PlanDocument>(`/api/v1/plans/${planId}/document`, { signal }),
  });

export const templatesQuery = queryOptions({
  queryKey: ["plan-templates"] as const,
  queryFn: items<PlanTemplate>("/api/v1/plan-templates"),
  staleTime: 60_000,
});

export const strategyMapQuery = (filter: StrategyMapQuery) =>
  queryOptions({
    queryKey: ["strategy-map", filter] as const,
    queryFn: ({ signal }) => api.get<StrategyMap>(`/api/v1/strategy-map${query({ ...filter })}`, { signal }),
    staleTime: 15_000,
  });

/** Everyone in the org, for owner names, owner pickers and @mentions (hundreds, rarely thousands). */
export const everyoneQuery = queryOptions({
  queryKey: ["people", "everyone"] as const,
  queryFn: async ({ signal }) => {
    const people: Person[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Person> = await api.get(`/api/v1/people${query({ limit: 500, cursor })}`, { signal });
      people.push(...page.items);
      cursor = page.next;
    } while (cursor);
    return people;
  },
  staleTime: 60_000,
});

export const commentsQuery = (entity: CommentCreate["entity"], entityId: string) =>
  queryOptions({
    queryKey: ["comments", entity, entityId] as const,
    queryFn: async ({ signal }) =>
      (await api.get<Page<Comment>>(`/api/v1/comments${query({ entity, entityId, limit: 500 })}`, { signal }))
        .items,
  });

export const notificationsQuery = queryOptions({
  queryKey: ["notifications"] as const,
  queryFn: ({ signal }) => api.get<NotificationList>("/api/v1/notifications?limit=30", { signal }),
  refetchInterval: 60_000,
});

/** After any change to a plan: everything read from it, the plan lists and the strategy map. */
function usePlanChanged() {
  const queryClient = useQueryClient();
  return (planId: string) => {
    void queryClient.invalidateQueries({ queryKey: planKey(planId) });
    void queryClient.invalidateQueries({ queryKey: ["plans", "list"] });
    void queryClient.invalidateQueries({ queryKey: ["strategy-map"] });
  };
}

/** A stale write (409) means someone else saved first: reload so the next try starts from theirs. */
function onConflict(changed: (planId: string) => void, planId: string) {
  return (error: unknown) => {
    if (isApiError(error) && error.status === 409) changed(planId);
  };
}

export function useCreatePlan() {
  const changed = usePlanChanged();
  return useMutation({
    mutationFn: (input: Partial<PlanCreate> & Pick<PlanCreate, "title" | "ownerType" | "ownerId">) =>
      api.post<StrategicPlan>("/api/v1/plans", input),
    onSuccess: (plan) => changed(plan.id),
  });
}

export function useUpdatePlan(planId: string) {
  const changed = usePlanChanged();
  return useMutation({
    mutationFn: (patch: PlanUpdate) => api.patch<StrategicPlan>(`/api/v1/plans/${planId}`, patch),
    onSuccess: () => changed(planId),
    onError: onConflict(changed, planId),
  });
}

export function useSaveObjective(planId: string) {
  const changed = usePlanChanged();
  return useMutation({
    mutationFn: (
      input:
        { id: string; patch: ObjectiveUpdate } | { create: Partial<ObjectiveCreate> & { title: string } },
    ) =>
      "id" in input
        ? api.patch<Objective>(`/api/v1/objectives/${input.id}`, input.patch)
        : api.post<Objective>(`/api/v1/plans/${planId}/objectives`, input.create),
    onSuccess: () => changed(planId),
    onError: onConflict(changed, planId),
  });
}

export function useDeleteObjective(planId: string) {
  const changed = usePlanChanged();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/objectives/${id}`),
    onSuccess: () => changed(planId),
  });
}

export function useSaveInitiative(planId: string) {
  const changed = usePlanChanged();
  return useMutation({
    mutationFn: (
      input:
        { id: string; patch: InitiativeUpdate } | { create: Partial<InitiativeCreate> & { title: string } },
    ) =>
      "id" in input
        ? api.patch<Initiative>(`/api/v1/initiatives/${input.id}`, input.patch)
        : api.post<Initiative>(`/api/v1/plans/${planId}/initiatives`, input.create),
    onSuccess: () => changed(planId),
    onError: onConflict(changed, planId),
  });
}

export function useDeleteInitiative(planId: string) {
  const changed = usePlanChanged();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/initiatives/${id}`),
    onSuccess: () => changed(planId),
  });
}

export function useAnswer(planId: string) {
  const changed = usePlanChanged();
  return useMutation({
    mutationFn: ({ key, answer, version }: { key: string; answer: string; version?: number }) =>
      request<PlanAnswer>("PUT", `/api/v1/plans/${planId}/answers/${key}`, { body: { answer, version } }),
    onSuccess: () => changed(planId),
    onError: onConflict(changed, planId),
  });
}

export function useSaveAsTemplate(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; persona: string; description: string }) =>
      api.post<PlanTemplate>(`/api/v1/plans/${planId}/save-as-template`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: templatesQuery.queryKey }),
  });
}

export function useComment(entity: CommentCreate["entity"], entityId: string) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ["comments", entity, entityId] });
  const create = useMutation({
    mutationFn: (input: { body: string; mentions: string[] }) =>
      api.post<Comment>("/api/v1/comments", { entity, entityId, ...input }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/comments/${id}`),
    onSuccess: refresh,
  });
  return { create, remove };
}

export function useReadNotifications() {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationsQuery.queryKey });
  return {
    one: useMutation({
      mutationFn: (id: string) => api.post(`/api/v1/notifications/${id}/read`),
      onSuccess: refresh,
    }),
    all: useMutation({ mutationFn: () => api.post("/api/v1/notifications/read-all"), onSuccess: refresh }),
  };
}

// Reading and changing the team tree.
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { Page, Team, TeamCreate, TeamUpdate } from "@oars/core";
import { api, isApiError, query } from "../api/client";

export const teamsKey = ["teams"] as const;

/** Every team of the org, archived ones included (the tree is small: hundreds at most). */
export const teamsQuery = queryOptions({
  queryKey: teamsKey,
  queryFn: async ({ signal }) => {
    const teams: Team[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Team> = await api.get(`/api/v1/teams${query({ includeArchived: true, cursor })}`, {
        signal,
      });
      teams.push(...page.items);
      cursor = page.next;
    } while (cursor);
    return teams;
  },
  staleTime: 30_000,
});

type TeamCreateInput = Pick<TeamCreate, "name" | "parentId" | "leadId">;

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TeamCreateInput) => api.post<Team>("/api/v1/teams", input),
    onSuccess: (team) => {
      queryClient.setQueryData<Team[]>(teamsKey, (all) => (all ? [...all, team] : [team]));
      void queryClient.invalidateQueries({ queryKey: teamsKey });
    },
  });
}

export function useUpdateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: TeamUpdate & { id: string }) =>
      api.patch<Team>(`/api/v1/teams/${id}`, patch),
    onSuccess: (team) => {
      queryClient.setQueryData<Team[]>(teamsKey, (all) => all?.map((t) => (t.id === team.id ? team : t)));
      void queryClient.invalidateQueries({ queryKey: ["audit"] });
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: teamsKey });
    },
  });
}

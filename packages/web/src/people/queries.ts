// Reading and changing people: the directory, one person, their team history and their access.
import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { Membership, Page, PasswordLink, Person, PersonCreate, PersonUpdate, Role } from "@oars/core";
import { api, isApiError, query } from "../api/client";
import { sessionKey } from "../auth/session";

export interface PeopleFilter {
  q?: string;
  teamId?: string;
  role?: Role;
  active?: boolean;
}

export const PEOPLE_PAGE_SIZE = 50;

export function peopleQuery(filter: PeopleFilter, limit = PEOPLE_PAGE_SIZE) {
  return infiniteQueryOptions({
    queryKey: ["people", "list", filter, limit] as const,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Person>>(`/api/v1/people${query({ ...filter, limit, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    staleTime: 15_000,
  });
}

export function personQuery(id: string) {
  return queryOptions({
    queryKey: ["people", "one", id] as const,
    queryFn: ({ signal }) => api.get<Person>(`/api/v1/people/${id}`, { signal }),
    staleTime: 15_000,
  });
}

export function membershipsQuery(id: string) {
  return queryOptions({
    queryKey: ["people", "memberships", id] as const,
    queryFn: ({ signal }) => api.get<{ items: Membership[] }>(`/api/v1/people/${id}/memberships`, { signal }),
  });
}

export interface Invitation {
  person: Person;
  link: PasswordLink;
}

type InviteInput = Pick<
  PersonCreate,
  "name" | "email" | "role" | "teamId" | "hireDate" | "capacityHoursPerWeek"
>;

export function useInvitePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InviteInput) => api.post<Invitation>("/api/v1/people", input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["people"] }),
  });
}

export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: PersonUpdate & { id: string }) =>
      api.patch<Person>(`/api/v1/people/${id}`, patch),
    onSuccess: (person) => {
      queryClient.setQueryData(personQuery(person.id).queryKey, person);
      void queryClient.invalidateQueries({ queryKey: ["people", "list"] });
      void queryClient.invalidateQueries({ queryKey: ["people", "memberships", person.id] });
      void queryClient.invalidateQueries({ queryKey: ["audit"] });
      // Changing oneself (name, team) changes the session's copy too.
      const session = queryClient.getQueryData<{ person: Person }>(sessionKey);
      if (session?.person.id === person.id) void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
    onError: (error, variables) => {
      if (isApiError(error) && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: personQuery(variables.id).queryKey });
        void queryClient.invalidateQueries({ queryKey: ["people", "list"] });
      }
    },
  });
}

export function usePasswordLink() {
  return useMutation({
    mutationFn: (id: string) => api.post<PasswordLink>(`/api/v1/people/${id}/password-link`),
  });
}

export function useEndSessions() {
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/people/${id}/sessions`),
  });
}

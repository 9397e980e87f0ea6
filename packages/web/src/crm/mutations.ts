// Changing sales data. Each write refreshes the lists and totals it can change; a stale version
// (409) reloads the record so the next try starts from what is really there.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { QueryClient } from "@tanstack/react-query";
import type {
  Account,
  AccountCreate,
  Activity,
  AccountUpdate,
  ActivityCreate,
  Contact,
  ContactCreate,
  ContactUpdate,
  DealCreate,
  DealDetail,
  DealUpdate,
  SavedView,
  SavedViewCreate,
  ViewEntity,
} from "@oars/core";
import type { z } from "zod";
import { api, isApiError } from "../api/client";

function refreshLists(queryClient: QueryClient, entity: ViewEntity) {
  void queryClient.invalidateQueries({ queryKey: ["crm", entity, "list"] });
  if (entity === "deals") void queryClient.invalidateQueries({ queryKey: ["crm", "deals", "summary"] });
}

export function useCreateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<ActivityCreate> & Pick<ActivityCreate, "type" | "subject">) =>
      api.post<Activity>("/api/v1/activities", input),
    onSuccess: () => refreshLists(queryClient, "activities"),
  });
}

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<AccountCreate> & Pick<AccountCreate, "name">) =>
      api.post<Account>("/api/v1/accounts", input),
    onSuccess: (account) => {
      queryClient.setQueryData(["crm", "accounts", "one", account.id], account);
      refreshLists(queryClient, "accounts");
    },
  });
}

/** Editing a record: the saved copy replaces the cached one; a stale version (409) reloads it. */
function useUpdateRecord<T extends { id: string }, P>(entity: "accounts" | "contacts") {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: P & { id: string }) => api.patch<T>(`/api/v1/${entity}/${id}`, patch),
    onSuccess: (saved) => {
      queryClient.setQueryData(["crm", entity, "one", saved.id], saved);
      refreshLists(queryClient, entity);
    },
    onError: (error, variables) => {
      if (isApiError(error) && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: ["crm", entity, "one", variables.id] });
        refreshLists(queryClient, entity);
      }
    },
  });
}

export const useUpdateAccount = () => useUpdateRecord<Account, AccountUpdate>("accounts");
export const useUpdateContact = () => useUpdateRecord<Contact, ContactUpdate>("contacts");

export function useCreateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<ContactCreate> & Pick<ContactCreate, "name">) =>
      api.post<Contact>("/api/v1/contacts", input),
    onSuccess: () => refreshLists(queryClient, "contacts"),
  });
}

export function useCreateDeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<DealCreate> & Pick<DealCreate, "name" | "amountMinor" | "closeDate">) =>
      api.post<DealDetail>("/api/v1/deals", input),
    onSuccess: () => refreshLists(queryClient, "deals"),
  });
}

export function useUpdateDeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: DealUpdate & { id: string }) =>
      api.patch<DealDetail>(`/api/v1/deals/${id}`, patch),
    onSuccess: (deal) => {
      queryClient.setQueryData(["crm", "deals", "one", deal.id], deal);
      void queryClient.invalidateQueries({ queryKey: ["crm", "deals", "history", deal.id] });
      refreshLists(queryClient, "deals");
    },
    onError: (error, variables) => {
      if (isApiError(error) && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: ["crm", "deals", "one", variables.id] });
        refreshLists(queryClient, "deals");
      }
    },
  });
}

export function useSaveView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof SavedViewCreate>) => api.post<SavedView>("/api/v1/views", input),
    onSuccess: (view) => void queryClient.invalidateQueries({ queryKey: ["crm", "views", view.entity] }),
  });
}

export function useDeleteView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (view: SavedView) => api.delete(`/api/v1/views/${view.id}`),
    onSuccess: (_done, view) =>
      void queryClient.invalidateQueries({ queryKey: ["crm", "views", view.entity] }),
  });
}

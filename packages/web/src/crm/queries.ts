// Reading sales data: the four owned lists (cursor pages), one record, a deal's stage history,
// the board's per-stage totals, the pipeline, saved views and the people directory for names.
import { infiniteQueryOptions, keepPreviousData, queryOptions } from "@tanstack/react-query";
import type {
  Account,
  Activity,
  Contact,
  Deal,
  DealDetail,
  Page,
  Person,
  Product,
  SavedView,
  Stage,
  StageChange,
  StageSummary,
  ViewEntity,
} from "@oars/core";
import type { z } from "zod";
import { api, query } from "../api/client";

export interface EntityTypes {
  accounts: Account;
  contacts: Contact;
  deals: Deal;
  activities: Activity;
}

/** A list's filters exactly as the API takes them in its query string. */
export type ListSearch = Record<string, string | boolean | undefined>;

export const crmKey = ["crm"] as const;
export const LIST_PAGE_SIZE = 100;

export function listQuery<E extends ViewEntity>(entity: E, search: ListSearch, limit = LIST_PAGE_SIZE) {
  return infiniteQueryOptions({
    queryKey: ["crm", entity, "list", search, limit] as const,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<EntityTypes[E]>>(`/api/v1/${entity}${query({ ...search, limit, cursor: pageParam })}`, {
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    // Typing in the search box keeps the previous rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

/** The CSV export of a list with the same filters (the browser downloads it). */
export function exportHref(entity: ViewEntity, search: ListSearch): string {
  return `/api/v1/${entity}/export.csv${query(search)}`;
}

export function recordQuery<E extends ViewEntity>(entity: E, id: string) {
  return queryOptions({
    queryKey: ["crm", entity, "one", id] as const,
    queryFn: ({ signal }) =>
      api.get<E extends "deals" ? DealDetail : EntityTypes[E]>(`/api/v1/${entity}/${id}`, { signal }),
    staleTime: 60_000,
  });
}

export function dealHistoryQuery(id: string) {
  return queryOptions({
    queryKey: ["crm", "deals", "history", id] as const,
    queryFn: ({ signal }) => api.get<{ items: StageChange[] }>(`/api/v1/deals/${id}/history`, { signal }),
  });
}

export interface DealSummary {
  currency: string;
  stages: z.infer<typeof StageSummary>[];
}

export function dealSummaryQuery(filters: ListSearch) {
  return queryOptions({
    queryKey: ["crm", "deals", "summary", filters] as const,
    queryFn: ({ signal }) => api.get<DealSummary>(`/api/v1/deals/summary${query(filters)}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

/** Every stage, archived ones too: old deals may still sit in them. */
export const stagesQuery = queryOptions({
  queryKey: ["crm", "stages"] as const,
  queryFn: async ({ signal }) =>
    (await api.get<{ items: Stage[] }>("/api/v1/pipeline/stages?includeArchived=true", { signal })).items,
  staleTime: 5 * 60_000,
});

export function viewsQuery(entity: ViewEntity) {
  return queryOptions({
    queryKey: ["crm", "views", entity] as const,
    queryFn: async ({ signal }) =>
      (await api.get<{ items: SavedView[] }>(`/api/v1/views${query({ entity })}`, { signal })).items,
    staleTime: 60_000,
  });
}

export function productQuery(id: string) {
  return queryOptions({
    queryKey: ["crm", "products", id] as const,
    queryFn: ({ signal }) => api.get<Product>(`/api/v1/products/${id}`, { signal }),
    staleTime: 5 * 60_000,
  });
}

/** The whole people directory, deactivated people included, to name owners in long lists. */
export const directoryQuery = queryOptions({
  queryKey: ["crm", "directory"] as const,
  queryFn: async ({ signal }) => {
    const people = new Map<string, Person>();
    let cursor: string | null = null;
    do {
      const page: Page<Person> = await api.get(`/api/v1/people${query({ limit: 500, cursor })}`, { signal });
      for (const person of page.items) people.set(person.id, person);
      cursor = page.next;
    } while (cursor);
    return people;
  },
  staleTime: 5 * 60_000,
});

/** The org's products (archived ones too, so an old deal's lines still have names). */
export const productsQuery = queryOptions({
  queryKey: ["crm", "products", "all"] as const,
  queryFn: async ({ signal }) => {
    const items: Product[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Product> = await api.get(
        `/api/v1/products${query({ limit: 200, cursor, includeArchived: true })}`,
        { signal },
      );
      items.push(...page.items);
      cursor = page.next;
    } while (cursor);
    return items;
  },
  staleTime: 60_000,
});

// One list's rows, page after page, plus what the table needs to sort and load more.
import { useCallback } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { ViewEntity } from "@oars/core";
import type { EntityTypes, ListSearch } from "./queries";
import { listQuery } from "./queries";

export function useSalesList<E extends ViewEntity>(
  entity: E,
  search: ListSearch,
  defaultSort: string,
  onChange: (next: ListSearch) => void,
) {
  const list = useInfiniteQuery(listQuery(entity, search));
  const items: EntityTypes[E][] = list.data?.pages.flatMap((page) => page.items) ?? [];
  const [defaultKey = "", defaultDir = "asc"] = defaultSort.split(":");
  const sort = {
    key: typeof search.sort === "string" ? search.sort : defaultKey,
    dir: (search.dir === "desc" || search.dir === "asc" ? search.dir : defaultDir) as "asc" | "desc",
  };
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return {
    list,
    items,
    sort,
    hasMore: Boolean(hasNextPage),
    loadingMore: isFetchingNextPage,
    loadMore,
    /** A column header: the same column flips direction, another starts ascending (amounts: largest first). */
    onSort: (key: string) => {
      const dir =
        sort.key === key ? (sort.dir === "asc" ? "desc" : "asc") : key === "amount" ? "desc" : "asc";
      onChange({ ...search, sort: key, dir });
    },
  };
}

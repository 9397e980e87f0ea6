// A long list that stays fast at any length: only the rows near the viewport are in the page
// (TanStack Virtual on the window's scroll), the next page loads as the reader nears the end, and
// a "Load more" button does the same for keyboards. A grid on wide screens, cards on phones.
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { CSSProperties, MouseEvent, ReactNode } from "react";
import { useWindowVirtualizer } from "@tanstack/react-virtual";

export interface Column<T> {
  key: string;
  header: string;
  /** A CSS grid track such as "minmax(200px, 2fr)". */
  width: string;
  /** The API's sort key when the column sorts. */
  sort?: string;
  align?: "end";
  /** The column that names the row: on phones it is the card's title. */
  primary?: boolean;
  cell: (item: T) => ReactNode;
}

interface VirtualTableProps<T> {
  label: string;
  columns: Column<T>[];
  items: T[];
  rowKey: (item: T) => string;
  sort?: { key: string; dir: "asc" | "desc" };
  onSort?: (key: string) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** Pressing a row (outside its links and buttons) opens it. */
  onOpen?: (item: T) => void;
  testId?: string;
}

const ROW_ESTIMATE = 48;
const PREFETCH_ROWS = 25;

export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const { columns, items, hasMore, loadingMore, onLoadMore } = props;
  const body = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);

  // The rows are placed relative to the body's distance from the top of the document, which
  // moves when filters open or a notice appears above: measure it whenever the page resizes.
  useLayoutEffect(() => {
    const element = body.current;
    if (!element) return;
    const measure = () => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      setOffset((current) => (Math.abs(current - top) > 1 ? top : current));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 10,
    scrollMargin: offset,
    getItemKey: (index) => {
      const item = items[index];
      return item === undefined ? index : props.rowKey(item);
    },
  });
  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows[rows.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= items.length - PREFETCH_ROWS) onLoadMore();
  }, [lastIndex, items.length, hasMore, loadingMore, onLoadMore]);

  const style = { "--vt-columns": columns.map((c) => c.width).join(" ") } as CSSProperties;
  const open = (event: MouseEvent, item: T) => {
    if (!props.onOpen) return;
    const target = event.target as HTMLElement;
    if (target.closest("a, button, input, select, label")) return;
    if (window.getSelection()?.toString()) return;
    props.onOpen(item);
  };

  return (
    <div
      className="vt"
      role="table"
      aria-label={props.label}
      aria-rowcount={hasMore ? -1 : items.length + 1}
      style={style}
      data-testid={props.testId}
    >
      <div className="vt-head" role="rowgroup">
        <div className="vt-row vt-header-row" role="row" aria-rowindex={1}>
          {columns.map((column) => (
            <HeaderCell key={column.key} column={column} sort={props.sort} onSort={props.onSort} />
          ))}
        </div>
      </div>
      <div
        ref={body}
        className="vt-body"
        role="rowgroup"
        style={{ height: virtualizer.getTotalSize(), position: "relative" }}
      >
        {rows.map((row) => {
          const item = items[row.index];
          if (item === undefined) return null;
          return (
            <div
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              className={props.onOpen ? "vt-row vt-data-row vt-openable" : "vt-row vt-data-row"}
              role="row"
              aria-rowindex={row.index + 2}
              style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}
              onClick={(event) => open(event, item)}
            >
              {columns.map((column) => (
                <div
                  key={column.key}
                  role="cell"
                  className={cellClass(column)}
                  data-label={column.primary ? undefined : column.header}
                >
                  {column.cell(item)}
                </div>
              ))}
            </div>
          );
        })}
      </div>
      {hasMore ? (
        <div className="load-more">
          <button type="button" className="button" disabled={loadingMore} onClick={onLoadMore}>
            {loadingMore ? "Loading…" : "Load more"}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function cellClass<T>(column: Column<T>): string {
  return ["vt-cell", column.primary ? "vt-primary" : "", column.align === "end" ? "vt-end" : ""]
    .filter(Boolean)
    .join(" ");
}

interface HeaderCellProps<T> {
  column: Column<T>;
  sort: { key: string; dir: "asc" | "desc" } | undefined;
  onSort: ((key: string) => void) | undefined;
}

function HeaderCell<T>({ column, sort, onSort }: HeaderCellProps<T>) {
  const dir = sort && column.sort !== undefined && sort.key === column.sort ? sort.dir : undefined;
  const ariaSort = dir ? (dir === "asc" ? "ascending" : "descending") : undefined;
  const sortKey = column.sort;
  return (
    <div role="columnheader" aria-sort={ariaSort} className={cellClass(column)}>
      {sortKey && onSort ? (
        <button type="button" className="vt-sort" onClick={() => onSort(sortKey)}>
          {column.header}
          <span aria-hidden="true" className="vt-sort-mark">
            {dir ? (dir === "asc" ? "▲" : "▼") : ""}
          </span>
        </button>
      ) : (
        column.header
      )}
    </div>
  );
}

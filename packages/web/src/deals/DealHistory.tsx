// A deal's stage changes (newest first, with who moved it) and its product lines.
import { useQuery } from "@tanstack/react-query";
import type { DealDetail, DealProductLine } from "@oars/core";
import { formatMoney } from "../crm/money";
import type { Pipeline } from "../crm/names";
import { PersonName } from "../crm/names";
import { dealHistoryQuery, productQuery } from "../crm/queries";
import { Empty, ErrorNotice, Loading } from "../ui/Status";
import { formatInstant } from "../ui/format";

export function StageHistory({ dealId, pipeline }: { dealId: string; pipeline: Pipeline }) {
  const history = useQuery(dealHistoryQuery(dealId));
  if (history.isPending) return <Loading label="Loading history…" />;
  if (history.isError) return <ErrorNotice error={history.error} onRetry={() => void history.refetch()} />;
  const changes = [...history.data.items].sort((a, b) => b.changedAt.localeCompare(a.changedAt));
  if (changes.length === 0) return <Empty title="No stage changes yet" />;
  const name = (id: string | null) => (id ? (pipeline.byId.get(id)?.name ?? "A removed stage") : null);
  return (
    <ol className="timeline" data-testid="stage-history">
      {changes.map((change) => (
        <li key={change.id} className="timeline-item">
          <span
            className={`timeline-dot stage-dot-${pipeline.byId.get(change.toStageId)?.kind ?? "open"}`}
            aria-hidden="true"
          />
          <div>
            <p>
              {change.fromStageId ? (
                <>
                  {name(change.fromStageId)} <span aria-hidden="true">→</span>
                  <span className="visually-hidden">to</span> <strong>{name(change.toStageId)}</strong>
                </>
              ) : (
                <>
                  Created in <strong>{name(change.toStageId)}</strong>
                </>
              )}
            </p>
            <p className="muted small">
              {formatInstant(change.changedAt)}
              {change.changedBy ? (
                <>
                  {" · "}
                  <PersonName id={change.changedBy} />
                </>
              ) : null}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}

export function DealProducts({ deal }: { deal: DealDetail }) {
  if (deal.products.length === 0) return null;
  return (
    <>
      <h3 className="subhead">Products</h3>
      <ul className="product-lines">
        {deal.products.map((line, index) => (
          <ProductLine key={`${line.productId}-${index}`} line={line} currency={deal.currency} />
        ))}
      </ul>
    </>
  );
}

function ProductLine({ line, currency }: { line: DealProductLine; currency: string }) {
  const product = useQuery(productQuery(line.productId));
  return (
    <li className="product-line">
      <span>{product.data?.name ?? "…"}</span>
      <span className="muted small">
        {line.quantity} × {formatMoney(line.unitPriceMinor, currency)}
      </span>
    </li>
  );
}

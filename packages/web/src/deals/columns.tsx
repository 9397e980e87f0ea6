// The deals list's columns: what a rep scans for (name, account, stage, amount, close date, owner).
import { Link } from "@tanstack/react-router";
import type { Deal } from "@oars/core";
import type { Column } from "../crm/VirtualTable";
import { FORECAST_LABELS } from "../crm/labels";
import { formatMoney } from "../crm/money";
import type { Pipeline } from "../crm/names";
import { AccountLabel, OwnerLabel, StageBadge } from "../crm/names";
import { formatDate } from "../ui/format";

export function dealColumns(pipeline: Pipeline, currency: string): Column<Deal>[] {
  return [
    {
      key: "name",
      header: "Deal",
      width: "minmax(180px, 2.4fr)",
      sort: "name",
      primary: true,
      cell: (deal) => (
        <Link to="/deals/$dealId" params={{ dealId: deal.id }} className="row-title">
          {deal.name}
        </Link>
      ),
    },
    {
      key: "account",
      header: "Account",
      width: "minmax(130px, 1.5fr)",
      cell: (deal) => <AccountLabel id={deal.accountId} name={deal.accountName} />,
    },
    {
      key: "stage",
      header: "Stage",
      width: "minmax(100px, 1fr)",
      cell: (deal) => <StageBadge stage={pipeline.byId.get(deal.stageId)} />,
    },
    {
      key: "amount",
      header: "Amount",
      width: "minmax(100px, 1fr)",
      sort: "amount",
      align: "end",
      cell: (deal) => (
        <span
          className="num"
          title={deal.currency !== currency ? formatMoney(deal.amountMinor, deal.currency) : undefined}
        >
          {formatMoney(deal.amountOrgMinor, currency)}
        </span>
      ),
    },
    {
      key: "closeDate",
      header: "Close date",
      width: "minmax(100px, 0.9fr)",
      sort: "closeDate",
      cell: (deal) => <span className="nowrap">{formatDate(deal.closeDate)}</span>,
    },
    {
      key: "forecast",
      header: "Forecast",
      width: "minmax(80px, 0.8fr)",
      cell: (deal) => FORECAST_LABELS[deal.forecastCategory],
    },
    {
      key: "owner",
      header: "Owner",
      width: "minmax(100px, 1fr)",
      cell: (deal) => <OwnerLabel id={deal.ownerId} name={deal.ownerName} />,
    },
  ];
}

export const DEAL_SORTS = [
  { value: "closeDate:asc", label: "Close date, soonest first" },
  { value: "closeDate:desc", label: "Close date, latest first" },
  { value: "amount:desc", label: "Amount, largest first" },
  { value: "amount:asc", label: "Amount, smallest first" },
  { value: "name:asc", label: "Name, A to Z" },
  { value: "name:desc", label: "Name, Z to A" },
  { value: "updatedAt:desc", label: "Recently changed" },
  { value: "createdAt:desc", label: "Recently created" },
];

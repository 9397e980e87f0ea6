// The columns of the accounts and contacts lists.
import { Link } from "@tanstack/react-router";
import type { Account, Contact } from "@oars/core";
import { BUYING_ROLE_LABELS, strengthDots } from "../crm/labels";
import { formatMoney } from "../crm/money";
import { AccountLabel, OwnerLabel } from "../crm/names";
import type { Column } from "../crm/VirtualTable";

const text = (value: string | null) => value ?? <span className="muted">—</span>;

export function accountColumns(currency: string): Column<Account>[] {
  return [
    {
      key: "name",
      header: "Account",
      width: "minmax(200px, 2.2fr)",
      sort: "name",
      primary: true,
      cell: (account) => (
        <span className="row-title-line">
          <Link to="/accounts/$accountId" params={{ accountId: account.id }} className="row-title">
            {account.name}
          </Link>
          {account.tier ? <span className="tag tag-accent">{account.tier}</span> : null}
        </span>
      ),
    },
    { key: "industry", header: "Industry", width: "minmax(120px, 1fr)", cell: (a) => text(a.industry) },
    { key: "segment", header: "Segment", width: "minmax(100px, 0.9fr)", cell: (a) => text(a.segment) },
    { key: "region", header: "Region", width: "minmax(110px, 0.9fr)", cell: (a) => text(a.region) },
    {
      key: "revenue",
      header: "Annual revenue",
      width: "minmax(120px, 1fr)",
      align: "end",
      cell: (a) => <span className="num">{formatMoney(a.annualRevenueMinor, currency)}</span>,
    },
    {
      key: "owner",
      header: "Owner",
      width: "minmax(120px, 1fr)",
      cell: (a) => <OwnerLabel id={a.ownerId} name={a.ownerName} />,
    },
  ];
}

export const ACCOUNT_SORTS = [
  { value: "name:asc", label: "Name, A to Z" },
  { value: "name:desc", label: "Name, Z to A" },
  { value: "updatedAt:desc", label: "Recently changed" },
  { value: "createdAt:desc", label: "Recently created" },
];

export function contactColumns(): Column<Contact>[] {
  return [
    {
      key: "name",
      header: "Contact",
      width: "minmax(160px, 1.6fr)",
      sort: "name",
      primary: true,
      cell: (c) => <span className="row-title">{c.name}</span>,
    },
    { key: "title", header: "Title", width: "minmax(110px, 1.2fr)", cell: (c) => text(c.title) },
    {
      key: "account",
      header: "Account",
      width: "minmax(140px, 1.5fr)",
      cell: (c) => <AccountLabel id={c.accountId} name={c.accountName} />,
    },
    {
      key: "email",
      header: "Email",
      width: "minmax(160px, 1.6fr)",
      cell: (c) => (c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : text(null)),
    },
    {
      key: "phone",
      header: "Phone",
      width: "minmax(100px, 1fr)",
      cell: (c) => (c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : text(null)),
    },
    {
      key: "role",
      header: "Buying role",
      width: "minmax(100px, 1fr)",
      cell: (c) => (c.buyingRole ? BUYING_ROLE_LABELS[c.buyingRole] : text(null)),
    },
    {
      key: "strength",
      header: "Relationship",
      width: "minmax(80px, 0.7fr)",
      cell: (c) => (
        <span
          className="strength"
          title={c.relationshipStrength ? `${c.relationshipStrength} of 5` : undefined}
        >
          <span aria-hidden="true">{strengthDots(c.relationshipStrength)}</span>
          <span className="visually-hidden">
            {c.relationshipStrength ? `${c.relationshipStrength} of 5` : "Not rated"}
          </span>
        </span>
      ),
    },
  ];
}

export const CONTACT_SORTS = ACCOUNT_SORTS;

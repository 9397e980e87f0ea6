// The owner of a record, chosen from the active people of the directory. Only managers and admins
// give records to others (the server checks the subtree); everyone else sees who owns it.
import { useQuery } from "@tanstack/react-query";
import { useSession } from "../auth/session";
import type { ControlProps } from "../ui/Field";
import { directoryQuery } from "./queries";

export function useMayReassign(): boolean {
  const role = useSession().person.role;
  return role === "manager" || role === "admin";
}

export function OwnerSelect({
  control,
  value,
  onChange,
}: {
  control: ControlProps;
  value: string;
  onChange: (id: string) => void;
}) {
  const directory = useQuery(directoryQuery);
  const people = [...(directory.data?.values() ?? [])]
    .filter((p) => (p.active && p.role !== "viewer") || p.id === value)
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <select {...control} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
      {people.length === 0 ? <option value={value}>…</option> : null}
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  );
}

// The organisation's settings, its team tree and its people directory.
import {
  IdParams,
  Invited,
  Membership,
  Org,
  OrgUpdate,
  page,
  PasswordLink,
  PeopleQuery,
  Person,
  PersonCreate,
  PersonUpdate,
  Team,
  TeamCreate,
  TeamQuery,
  TeamUpdate,
} from "@oars/core";
import { z } from "zod";
import type { App } from "../../http/app";
import { signedIn } from "../auth/auth.routes";
import { getOrg, updateOrg } from "./org.service";
import {
  endSessionsFor,
  getPerson,
  invitePerson,
  issueLinkFor,
  listMemberships,
  listPeople,
  updatePerson,
} from "./people.service";
import { createTeam, getTeam, listTeams, updateTeam } from "./teams.service";

export async function orgRoutes(app: App): Promise<void> {
  const org = { tags: ["org"] };
  app.get(
    "/api/v1/org",
    { schema: { ...org, response: { 200: Org } }, config: { policy: "read" } },
    async (req) => getOrg(signedIn(req)),
  );
  app.patch(
    "/api/v1/org",
    { schema: { ...org, body: OrgUpdate, response: { 200: Org } }, config: { policy: "write" } },
    async (req) => updateOrg(signedIn(req), req.body),
  );

  const teams = { tags: ["teams"] };
  app.get(
    "/api/v1/teams",
    {
      schema: { ...teams, querystring: TeamQuery, response: { 200: page(Team) } },
      config: { policy: "read" },
    },
    async (req) => ({
      items: await listTeams(signedIn(req), req.query.includeArchived),
      next: null,
    }),
  );
  app.post(
    "/api/v1/teams",
    { schema: { ...teams, body: TeamCreate, response: { 201: Team } }, config: { policy: "write" } },
    async (req, reply) => reply.status(201).send(await createTeam(signedIn(req), req.body)),
  );
  app.get(
    "/api/v1/teams/:id",
    { schema: { ...teams, params: IdParams, response: { 200: Team } }, config: { policy: "read" } },
    async (req) => getTeam(signedIn(req), req.params.id),
  );
  app.patch(
    "/api/v1/teams/:id",
    {
      schema: { ...teams, params: IdParams, body: TeamUpdate, response: { 200: Team } },
      config: { policy: "write" },
    },
    async (req) => updateTeam(signedIn(req), req.params.id, req.body),
  );

  const people = { tags: ["people"] };
  app.get(
    "/api/v1/people",
    {
      schema: { ...people, querystring: PeopleQuery, response: { 200: page(Person) } },
      config: { policy: "read" },
    },
    async (req) => listPeople(signedIn(req), req.query),
  );
  app.post(
    "/api/v1/people",
    { schema: { ...people, body: PersonCreate, response: { 201: Invited } }, config: { policy: "write" } },
    async (req, reply) => reply.status(201).send(await invitePerson(signedIn(req), req.body)),
  );
  app.get(
    "/api/v1/people/:id",
    { schema: { ...people, params: IdParams, response: { 200: Person } }, config: { policy: "read" } },
    async (req) => getPerson(signedIn(req), req.params.id),
  );
  app.patch(
    "/api/v1/people/:id",
    {
      schema: { ...people, params: IdParams, body: PersonUpdate, response: { 200: Person } },
      config: { policy: "write" },
    },
    async (req) => updatePerson(signedIn(req), req.params.id, req.body),
  );
  app.get(
    "/api/v1/people/:id/memberships",
    {
      schema: { ...people, params: IdParams, response: { 200: z.object({ items: z.array(Membership) }) } },
      config: { policy: "read" },
    },
    async (req) => ({ items: await listMemberships(signedIn(req), req.params.id) }),
  );
  app.post(
    "/api/v1/people/:id/password-link",
    { schema: { ...people, params: IdParams, response: { 201: PasswordLink } }, config: { policy: "write" } },
    async (req, reply) => reply.status(201).send(await issueLinkFor(signedIn(req), req.params.id)),
  );
  app.delete(
    "/api/v1/people/:id/sessions",
    { schema: { ...people, params: IdParams }, config: { policy: "write" } },
    async (req, reply) => {
      await endSessionsFor(signedIn(req), req.params.id);
      return reply.status(204).send();
    },
  );
}

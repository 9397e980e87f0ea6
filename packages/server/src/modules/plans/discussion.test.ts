import type { Comment, NotificationList, OrgQuestion, PlanAnswer, RefinementItem } from "@oars/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { buildPlanWorld, type PlanWorld } from "../../../test/plans.fixtures";

let t: TestApp;
let w: World;
let p: PlanWorld;
beforeEach(async () => {
  t = await testApp();
  w = await buildWorld(t.app, t.db);
  p = await buildPlanWorld(w);
});
afterEach(async () => t.close());

type Err = { error: { code: string; field?: string; message: string } };
const answerUrl = (key: string) => `/api/v1/plans/${p.deptPlan.id}/answers/${key}`;

describe("refinement questions", () => {
  it("start from the built-in set and take one answer per question, versioned", async () => {
    const items = (await w.as.memberA.get(`/api/v1/plans/${p.deptPlan.id}/refinement`)).json<{
      items: RefinementItem[];
    }>();
    expect(items.items.map((i) => i.question.key)).toEqual([
      "growth_sources",
      "customers_markets",
      "stop_doing",
      "capabilities_resources",
      "risks_signs",
      "success_in_numbers",
      "assumption_win_rate",
      "assumption_deal_size",
      "assumption_cycle_length",
    ]);
    const first = await w.as.director.request("PUT", answerUrl("growth_sources"), {
      answer: "Existing accounts.",
    });
    expect(first.json<PlanAnswer>()).toMatchObject({
      answer: "Existing accounts.",
      version: 1,
      answeredBy: w.people.director.id,
    });
    const blind = await w.as.director.request("PUT", answerUrl("growth_sources"), { answer: "Overwrite" });
    expect(blind.status).toBe(409);
    const second = await w.as.director.request("PUT", answerUrl("growth_sources"), {
      answer: "Upsell.",
      version: 1,
    });
    expect(second.json<PlanAnswer>().version).toBe(2);
    const stale = await w.as.director.request("PUT", answerUrl("growth_sources"), {
      answer: "Old",
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect((await w.as.memberA.request("PUT", answerUrl("stop_doing"), { answer: "x" })).status).toBe(403);
    expect((await w.as.director.request("PUT", answerUrl("no_such"), { answer: "x" })).status).toBe(404);
    const long = await w.as.director.request("PUT", answerUrl("stop_doing"), { answer: "x".repeat(20_001) });
    expect([long.status, long.json<Err>().error.field]).toEqual([400, "answer"]);
  });

  it("an admin edits the org's set: adds a question, makes one required, retires one", async () => {
    const added = await w.as.admin.post("/api/v1/plan-questions", {
      key: "partners",
      text: "Which partners will sell with us?",
      required: true,
    });
    expect(added.json<OrgQuestion>()).toMatchObject({
      key: "partners",
      position: 9,
      required: true,
      version: 1,
    });
    expect((await w.as.director.post("/api/v1/plan-questions", { key: "x", text: "y" })).status).toBe(403);
    const dup = await w.as.admin.post("/api/v1/plan-questions", { key: "partners", text: "Again" });
    expect(dup.json<Err>().error.field).toBe("key");
    await w.as.director.request("PUT", answerUrl("assumption_win_rate"), { answer: "22%" });
    const retired = await w.as.admin.patch("/api/v1/plan-questions/assumption_win_rate", {
      version: 1,
      archived: true,
    });
    expect(retired.json<OrgQuestion>().archived).toBe(true);
    await w.as.admin.patch("/api/v1/plan-questions/capabilities_resources", { version: 1, required: true });
    const stale = await w.as.admin.patch("/api/v1/plan-questions/capabilities_resources", {
      version: 1,
      required: false,
    });
    expect(stale.status).toBe(409);
    const keys = async (planId: string) =>
      (await w.as.admin.get(`/api/v1/plans/${planId}/refinement`))
        .json<{ items: RefinementItem[] }>()
        .items.map((i) => i.question.key);
    // The retired question stays with the plan that answered it, and leaves the others.
    expect(await keys(p.deptPlan.id)).toContain("assumption_win_rate");
    expect(await keys(p.memberAPlan.id)).not.toContain("assumption_win_rate");
    expect(await keys(p.memberAPlan.id)).toContain("partners");
    expect(
      (await w.as.otherAdmin.get("/api/v1/plan-questions")).json<{ items: OrgQuestion[] }>().items,
    ).toHaveLength(9);
  });
});

describe("comments and @mentions", () => {
  it("a mention notifies the person in the app; they read and mark it", async () => {
    const res = await w.as.director.post("/api/v1/comments", {
      entity: "objective",
      entityId: p.deptObjective.id,
      body: "@Mia Member can your team carry a fifth of this?",
      mentions: [w.people.memberA.id],
    });
    expect(res.status).toBe(201);
    const comment = res.json<Comment>();
    const inbox = (await w.as.memberA.get("/api/v1/notifications")).json<NotificationList>();
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      kind: "mention",
      title: "Dora Director mentioned you on “Grow revenue”",
      link: `/plans/${p.deptPlan.id}?tab=objectives&focus=${p.deptObjective.id}`,
      readAt: null,
    });
    expect((await w.as.memberB.get("/api/v1/notifications")).json<NotificationList>().items).toEqual([]);
    const id = inbox.items[0]?.id ?? "";
    expect((await w.as.memberB.post(`/api/v1/notifications/${id}/read`)).status).toBe(404);
    expect((await w.as.memberA.post(`/api/v1/notifications/${id}/read`)).json()).toMatchObject({
      readAt: expect.any(String),
    });
    expect((await w.as.memberA.get("/api/v1/notifications?unread=true")).json<NotificationList>()).toEqual({
      items: [],
      unread: 0,
    });

    const reply = await w.as.memberA.post("/api/v1/comments", {
      entity: "objective",
      entityId: p.deptObjective.id,
      body: "Yes, with the training.",
    });
    expect(reply.status).toBe(201);
    const thread = (
      await w.as.viewer.get(`/api/v1/comments?entity=objective&entityId=${p.deptObjective.id}`)
    ).json<{
      items: Comment[];
    }>();
    expect(thread.items.map((c) => c.authorId)).toEqual([w.people.director.id, w.people.memberA.id]);
    expect(
      (await w.as.memberA.patch(`/api/v1/comments/${comment.id}`, { version: 1, body: "edited" })).status,
    ).toBe(403);
    expect(
      (await w.as.director.patch(`/api/v1/comments/${comment.id}`, { version: 1, body: "edited" })).status,
    ).toBe(200);
    expect(
      (await w.as.director.patch(`/api/v1/comments/${comment.id}`, { version: 1, body: "again" })).status,
    ).toBe(409);
    expect((await w.as.admin.delete(`/api/v1/comments/${comment.id}`)).status).toBe(204);
  });

  it("refuses a mention of someone who cannot see the plan, and comments from viewers", async () => {
    const res = await w.as.memberA.post("/api/v1/comments", {
      entity: "plan",
      entityId: p.memberAPlan.id,
      body: "@Ben Member look",
      mentions: [w.people.memberB.id],
    });
    expect(res.status).toBe(400);
    expect(res.json<Err>().error).toMatchObject({
      field: "mentions",
      message: "mentions: Ben Member cannot see this plan",
    });
    expect((await w.as.memberB.get("/api/v1/notifications")).json<NotificationList>().unread).toBe(0);
    const viewer = await w.as.viewer.post("/api/v1/comments", {
      entity: "plan",
      entityId: p.deptPlan.id,
      body: "Hi",
    });
    expect(viewer.status).toBe(403);
    const hidden = await w.as.memberB.get(`/api/v1/comments?entity=plan&entityId=${p.memberAPlan.id}`);
    expect(hidden.status).toBe(404);
    const empty = await w.as.memberA.post("/api/v1/comments", {
      entity: "plan",
      entityId: p.memberAPlan.id,
      body: "   ",
    });
    expect(empty.json<Err>().error.field).toBe("body");
  });
});

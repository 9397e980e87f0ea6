// The cheapest proof that the browser-test harness works: a fresh server starts and is healthy.
import { expect, test } from "./fixtures";

test("a fresh server answers /api/health", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
});

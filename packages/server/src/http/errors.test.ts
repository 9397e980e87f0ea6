// How errors that are not ours reach the client: a message, a code and a status, never a stack.
import type { FastifyError } from "fastify";
import { describe, expect, it } from "vitest";
import { toAppError } from "./app";

const dbError = (code: string, message: string) =>
  Object.assign(new Error(message), { code }) as FastifyError;

describe("toAppError", () => {
  it("turns PostgreSQL's deadlock and serialization failures into a 409 to retry after a second", () => {
    for (const code of ["40P01", "40001"]) {
      const e = toAppError(dbError(code, "deadlock detected"));
      expect(e).toMatchObject({ code: "conflict", status: 409, retryAfterSeconds: 1 });
      expect(e.message).toBe("A change made at the same moment got in the way; try again");
    }
  });

  it("keeps any other database failure a 500", () => {
    expect(toAppError(dbError("23503", "insert or update violates foreign key"))).toMatchObject({
      code: "internal",
      status: 500,
    });
  });
});

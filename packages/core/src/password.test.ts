import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password";

describe("passwordProblem", () => {
  it.each([
    ["short1!", /at least 12/],
    ["password1234", /common/],
    ["Password2024!", /common/],
    ["123456789012", /common|sequence/],
    ["aaaaaaaaaaaa", /repeats/],
    ["qwertyuiopas", /sequence|common/],
    ["x".repeat(300), /at most/],
  ])("refuses %s", (pw, why) => {
    expect(passwordProblem(pw)).toMatch(why);
  });

  it("refuses a password built on the email address", () => {
    expect(passwordProblem("dana.director2026", { email: "dana.director@example.com" })).toMatch(/email/);
  });

  it("accepts a long passphrase", () => {
    expect(passwordProblem("violet tractor sings at dawn")).toBeNull();
    expect(passwordProblem("Ts9$kq!bZ2rw")).toBeNull();
  });
});

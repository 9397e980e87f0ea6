// Password rules (NIST SP 800-63B): long enough, not absurdly long, and not a password attackers
// try first. Returns the problem in words, or null.
import { PASSWORD_MAX, PASSWORD_MIN } from "./contracts/auth";
import { COMMON_PASSWORDS } from "./common-passwords";

export function passwordProblem(
  password: string,
  context: { email?: string; name?: string } = {},
): string | null {
  if (password.length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return "is one of the most common passwords; choose another";
  if (new Set(lower).size <= 2) return "repeats too few characters; choose another";
  if (isRun(lower)) return "is a simple sequence; choose another";
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (
    local &&
    local.length >= 4 &&
    lower.replace(/[^a-z0-9]/g, "").startsWith(local.replace(/[^a-z0-9]/g, ""))
  )
    return "must not be based on your email address";
  const common = stripDigitsAndSymbols(lower);
  if (common.length >= 4 && COMMON_PASSWORDS.has(common))
    return "is a common password with digits added; choose another";
  return null;
}

function stripDigitsAndSymbols(s: string): string {
  return s.replace(/[^a-z]+$/g, "").replace(/^[^a-z]+/g, "");
}

/** "123456789012", "abcdefghijkl", "qwertyuiopas": each step moves by the same amount. */
function isRun(s: string): boolean {
  const rows = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz"];
  const doubled = rows.join(" ");
  let steps = 0;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    const onRow =
      doubled.includes(s.slice(i - 1, i + 1)) ||
      doubled.includes(
        s
          .slice(i - 1, i + 1)
          .split("")
          .reverse()
          .join(""),
      );
    if (Math.abs(d) === 1 || onRow) steps++;
  }
  return steps >= s.length - 2;
}

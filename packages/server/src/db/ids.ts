// Identifiers: UUIDv7 (RFC 9562), time-ordered so new rows land at the end of the primary-key
// index, and globally unique so a whole organisation moves between databases without renumbering.
import { randomBytes, createHash } from "node:crypto";

let lastMs = 0;
let counter = 0;
// Random bytes drawn 4 KB at a time: an import makes two ids a row, and a crypto call per id cost
// more than the rest of newId.
const POOL = 4096;
let pool = Buffer.alloc(0);
let taken = POOL;

function random16(): Buffer {
  if (taken + 16 > pool.length) {
    pool = randomBytes(POOL);
    taken = 0;
  }
  taken += 16;
  return pool.subarray(taken - 16, taken);
}

export function newId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    // Several ids in one millisecond: keep them ordered with a counter in the random bits.
    ms = lastMs;
    counter++;
  } else {
    lastMs = ms;
    counter = 0;
  }
  const b = random16();
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | ((counter >> 8) & 0x0f);
  b[7] = counter & 0xff;
  b[8] = 0x80 | ((b[8] ?? 0) & 0x3f);
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A secret for a cookie, link or API token: 256 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

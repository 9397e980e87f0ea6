// The raw material of the demo's sales history: company names, industries, contact names, the
// catalogue, and a seeded random source so the same "today" always gives the same history.

/** mulberry32: a small, fast, seedable generator (public domain, Tommy Ettinger). */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => {
      const item = list[Math.floor(next() * list.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    chance: (p: number) => next() < p,
    /** Poisson-distributed count with this mean (Knuth). */
    poisson: (mean: number) => {
      const limit = Math.exp(-mean);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
  };
}
export type Random = ReturnType<typeof random>;

export const INDUSTRIES = [
  "Software",
  "Manufacturing",
  "Healthcare",
  "Financial services",
  "Retail",
  "Logistics",
  "Energy",
  "Education",
  "Media",
  "Public sector",
] as const;

const FIRST = [
  "Blue",
  "North",
  "Silver",
  "Granite",
  "Summit",
  "Harbor",
  "Cedar",
  "Iron",
  "Bright",
  "Crescent",
  "Pioneer",
  "Lakeside",
  "Red Rock",
  "Evergreen",
  "Atlas",
  "Keystone",
  "Orchard",
  "Beacon",
  "Prairie",
  "Coastal",
];
const SECOND = [
  "Labs",
  "Systems",
  "Health",
  "Partners",
  "Foods",
  "Freight",
  "Power",
  "Academy",
  "Studios",
  "Works",
  "Dynamics",
  "Supply",
  "Capital",
  "Networks",
  "Clinics",
  "Motors",
  "Textiles",
  "Analytics",
];
const SUFFIX = ["Inc.", "LLC", "Group", "Co.", "Corp."];

export function companyName(r: Random, taken: Set<string>): string {
  for (;;) {
    const name = `${r.pick(FIRST)} ${r.pick(SECOND)} ${r.pick(SUFFIX)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

const GIVEN = [
  "Alex",
  "Jordan",
  "Sam",
  "Taylor",
  "Morgan",
  "Casey",
  "Riley",
  "Jamie",
  "Avery",
  "Quinn",
  "Robin",
  "Drew",
  "Kim",
  "Lee",
  "Pat",
  "Chris",
  "Dana",
  "Leslie",
  "Toni",
  "Ari",
];
const FAMILY = [
  "Nguyen",
  "Smith",
  "Garcia",
  "Johnson",
  "Kowalski",
  "Brown",
  "Martin",
  "Lopez",
  "Khan",
  "Wilson",
  "Schmidt",
  "Moore",
  "Clark",
  "Young",
  "Rossi",
  "Walker",
  "Hall",
  "Allen",
  "Ito",
  "Dubois",
];
export const TITLES = [
  "CEO",
  "CFO",
  "COO",
  "VP Sales",
  "VP Operations",
  "Head of IT",
  "Procurement manager",
  "Operations manager",
  "IT director",
  "Finance director",
];
export const personName = (r: Random) => `${r.pick(GIVEN)} ${r.pick(FAMILY)}`;

export const REGIONS: Record<string, readonly string[]> = {
  east: ["New York", "Massachusetts", "Pennsylvania", "New Jersey"],
  central: ["Illinois", "Texas", "Ohio", "Minnesota"],
  west: ["California", "Washington", "Oregon", "Colorado"],
};

export const PRODUCTS = [
  { name: "Platform licence", family: "Software", price: 1_200_000 },
  { name: "Analytics add-on", family: "Software", price: 400_000 },
  { name: "API access", family: "Software", price: 250_000 },
  { name: "Implementation services", family: "Services", price: 800_000 },
  { name: "Training package", family: "Services", price: 150_000 },
  { name: "Premium support", family: "Support", price: 300_000 },
] as const;

export const LOST_REASONS = [
  "Price",
  "Lost to competitor",
  "No decision",
  "Timing",
  "Budget cut",
  "Chose in-house build",
];
export const CALL_OUTCOMES = [
  "Connected",
  "Left voicemail",
  "No answer",
  "Meeting booked",
  "Not interested",
  "Call back later",
];
export const MEETING_OUTCOMES = [
  "Good fit, next steps agreed",
  "Needs budget approval",
  "Introduced to decision maker",
  "Requested proposal",
  "No clear next step",
];

// The metric catalogue (what each number counts, its unit, kind and growth direction) and the
// MetricRef contract objectives use to point at one.
export * from "./catalogue";
export * from "./ref";
export * from "./format";

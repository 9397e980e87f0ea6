// A rule of the domain was broken by the caller's input; `field` names the input at fault so the
// server can answer 400 with it (see DESIGN: bad input gets a 4xx that names the field).
export class DomainError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

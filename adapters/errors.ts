/** A credential the platform refused for good (not a network hiccup): the process stops, naming the variable. */
export class CredentialError extends Error {
  constructor(
    readonly variable: string,
    readonly reason: string,
  ) {
    super(`${variable} was refused (${reason}): check the value and restart`);
  }
}

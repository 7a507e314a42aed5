/** A credential the platform refused for good (not a network hiccup): the process stops, naming the variable. */
export class CredentialError extends Error {
  constructor(
    readonly variable: string,
    readonly reason: string,
  ) {
    super(`${variable} was refused (${reason}): check the value and restart`);
  }
}

/** A setting missing or wrong: the process (or the command) stops with one line naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

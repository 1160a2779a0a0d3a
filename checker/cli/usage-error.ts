/** A command line policy-check cannot act on: an unknown flag, a bad value, a missing file. Exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

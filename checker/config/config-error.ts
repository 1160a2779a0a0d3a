/**
 * The one error a run cannot go on from: a policy file that is missing, unreadable or invalid, a bad
 * option. Its message is one line naming the file, the key and what was expected.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message.split('\n')[0]!.trim());
    this.name = 'ConfigError';
  }
}

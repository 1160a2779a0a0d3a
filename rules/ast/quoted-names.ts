/**
 * Cheap text checks before any walk: a module is imported or required only by writing its name between
 * quotes, so one scan of the file's text for those names tells whether it can use any of them.
 */

/** A pattern for any of `names` written between quotes (`'…'`, `"…"` or `` `…` ``), as a module specifier is. */
export function quotedNamesPattern(names: readonly string[]): string {
  return `['"\`](?:${names.map(escapeRegExp).join('|')})['"\`]`;
}

/** Whether `text` names any of the modules between quotes; one compiled pattern per list of names. */
export function createQuotedNamesTest(names: readonly string[]): (text: string) => boolean {
  const pattern = new RegExp(quotedNamesPattern(names));
  return (text) => pattern.test(text);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

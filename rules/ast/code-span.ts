/**
 * Source text quoted in a message as a Markdown code span: the fence is one backtick longer than any run
 * of backticks inside, and padded with a space where the text starts or ends with one, so reporters that
 * render code spans (Markdown, HTML) show it exactly.
 */
export function toCodeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${text}${padding}${fence}`;
}

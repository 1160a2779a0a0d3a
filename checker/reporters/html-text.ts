/** How the HTML report writes text from the result: escaped, with code spans as code and paths that wrap only after a slash. */
import { escapeHtml, getSafeUrl } from './escape-html.js';
import { getShortRuleName, splitCodeSpans } from './summary.js';

/** How a finding or entry with no service reads. */
export const NO_SERVICE = '(no service)';

/** `` a `b` `` → `a <code>b</code>`: the text escaped first, then its code spans shown as code. */
export function formatInline(text: string): string {
  return splitCodeSpans(text)
    .map((part) => (part.code ? `<code>${escapeHtml(part.text)}</code>` : escapeHtml(part.source)))
    .join('');
}

/**
 * A path that wraps only after a `/`, never inside a name (not even at its hyphens): each part is kept
 * whole, with a break opportunity after each `/`.
 */
export function formatPath(file: string): string {
  const parts = file.split('/');
  return parts.map((part, index) => `<span class="part">${escapeHtml(index < parts.length - 1 ? `${part}/` : part)}</span>`).join('<wbr>');
}

export function formatPlace(file: string, line: number, column?: number): string {
  return `<span class="path">${formatPath(file)}</span>:${line}${column === undefined ? '' : `:${column}`}`;
}

export function formatRuleLink(ruleId: string, helpUrl: string): string {
  const url = getSafeUrl(helpUrl);
  const name = escapeHtml(getShortRuleName(ruleId));
  return url ? `<a class="rule" href="${escapeHtml(url)}" rel="noopener noreferrer">${name}</a>` : `<span class="rule">${name}</span>`;
}

import { createHash } from 'node:crypto';

import type { CheckResult, Finding, FixGroup } from '../report/model.js';
import { compareText, groupByFixLocation } from '../report/model.js';
import { escapeHtml } from './escape-html.js';
import { HTML_SCRIPT, HTML_STYLE } from './html-assets.js';
import { formatInventory, formatLeftOut, formatProblems } from './html-tables.js';
import { formatInline, formatPath, formatPlace, formatRuleLink, NO_SERVICE } from './html-text.js';
import { normalizeResult } from './normalize-result.js';
import { getSourceExcerpt, type LineReader } from './source-excerpt.js';
import {
  countFindings,
  describeExcluded,
  describeFindings,
  describeSeverities,
  getRuleFamily,
  getShortRuleName,
  groupBy,
  pluralize,
  rankFixes,
  tallyFindings,
  type FindingTally,
  type FixItem,
} from './summary.js';
import type { ReporterOptions } from './types.js';

/** Lines of code shown before and after a finding. */
export const HTML_SOURCE_CONTEXT = 2;
/** Bars per chart; the rest are counted in a line below it. */
export const HTML_CHART_ROWS = 12;
/** Places to start listed in the summary. */
export const HTML_FIRST_FIXES = 5;

/** Only this page's own style and script may run; nothing may be fetched. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src '${getSourceHash(HTML_STYLE)}'`,
  `script-src '${getSourceHash(HTML_SCRIPT)}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * One self-contained page that answers "how bad, where, what first": counts by severity, charts by rule
 * family, service and rule, the places to start; then the findings by service and file with the code
 * around each, the findings on one shared logger under that logger, the files that could not be checked
 * and the inventory as sortable tables. Every string from the result is escaped; the page loads nothing
 * and runs only its own script (filters and sorting), so it works from file:// and prints.
 */
export function formatHtml(input: CheckResult, options?: ReporterOptions): string {
  const result = normalizeResult(input);
  const readLines = options?.readLines ?? (() => undefined);
  const groups = groupByFixLocation(result.findings);
  const sections = [
    formatHeader(result),
    formatOverview(result, groups),
    formatFindings(result.findings, groups, readLines),
    formatProblems(result),
    formatLeftOut(result),
    formatInventory(result.inventory),
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>policy-check report</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<main>
${sections.filter(Boolean).join('\n')}
</main>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`;
}

function formatHeader(result: CheckResult): string {
  const counts = countFindings(result.findings);
  const details = [`${escapeHtml(result.tool.name)} ${escapeHtml(result.tool.version)}`, `${pluralize(result.fileCount, 'file')} checked`];
  const excluded = describeExcluded(result.excluded);
  if (excluded) details.push(`left out: ${escapeHtml(excluded)}`);
  const links = [
    ['overview', 'Summary'],
    ...(groupByFixLocation(result.findings).length > 0 ? [['fix-once', 'Fix once']] : []),
    ['findings', 'Findings'],
    ...(result.problems.length > 0 ? [['problems', 'Not checked']] : []),
    ['inventory', 'Inventory'],
  ];
  return `<header>
<h1>policy-check report</h1>
<p class="muted">${details.join(' · ')}</p>
<p class="verdict${counts.total > 0 || result.problems.length > 0 ? ' failed' : ''}" id="summary">${escapeHtml(describeFindings(counts, result.fileCount, result.problems))}</p>
<nav aria-label="Sections"><ul class="toc">${links.map(([id, label]) => `<li><a href="#${id}">${label}</a></li>`).join('')}</ul></nav>
</header>`;
}

/** How bad (counts), where (charts by family, service and rule) and what first (the places to start). */
function formatOverview(result: CheckResult, groups: readonly FixGroup[]): string {
  const counts = countFindings(result.findings);
  const services = new Set(result.findings.map((finding) => finding.service));
  const cards = [
    formatCard('error', counts.errors, counts.errors === 1 ? 'error' : 'errors'),
    formatCard('warning', counts.warnings, counts.warnings === 1 ? 'warning' : 'warnings'),
    formatCard('files', counts.files, `of ${pluralize(result.fileCount, 'file')} with findings`),
    formatCard('services', services.size, services.size === 1 ? 'service with findings' : 'services with findings'),
    ...(groups.length > 0 ? [formatCard('fix-once', groups.length, groups.length === 1 ? 'shared logger to fix once' : 'shared loggers to fix once')] : []),
    ...(result.problems.length > 0 ? [formatCard('error', result.problems.length, result.problems.length === 1 ? 'file not checked' : 'files not checked')] : []),
  ];
  const parts = ['<section id="overview">', '<h2>Summary</h2>', `<div class="cards">\n${cards.join('\n')}\n</div>`];
  if (result.findings.length > 0) {
    parts.push(formatFirstFixes(rankFixes(result.findings)));
    parts.push('<p class="legend"><span><span class="swatch error"></span>errors</span><span><span class="swatch warning"></span>warnings</span></p>');
    parts.push(
      '<div class="charts">',
      formatChart('family', 'By rule family', tallyFindings(result.findings, (finding) => getRuleFamily(finding.ruleId, finding.helpUrl)), (key) => key),
      formatChart('service', 'By service', tallyFindings(result.findings, (finding) => finding.service || NO_SERVICE), (key) => key),
      formatChart('rule', 'By rule', tallyFindings(result.findings, (finding) => finding.ruleId), getShortRuleName),
      '</div>',
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

function formatCard(kind: string, value: number, label: string): string {
  return `<div class="card ${kind}"><span class="card-value">${value}</span><span class="card-label">${escapeHtml(label)}</span></div>`;
}

function formatFirstFixes(items: readonly FixItem[]): string {
  const rows = items.slice(0, HTML_FIRST_FIXES).map((item) => {
    const counts = describeSeverities({ errors: item.errors, warnings: item.total - item.errors });
    if (item.kind === 'rule') {
      const where = item.services.map((service) => escapeHtml(service || NO_SERVICE)).join(', ');
      return `<li>${formatRuleLink(item.ruleId, item.helpUrl)}: ${counts} in ${where}</li>`;
    }
    const { fixLocation, findings, fileCount } = item.group;
    return `<li><a href="#${getGroupId(item.group)}">${formatInline(fixLocation.label)}</a> at ${formatPlace(fixLocation.file, fixLocation.line)}: one fix for ${pluralize(findings.length, 'finding')} (${counts}) in ${pluralize(fileCount, 'file')}</li>`;
  });
  const more = items.length > HTML_FIRST_FIXES ? `\n<p class="more">…and ${items.length - HTML_FIRST_FIXES} more in the findings below.</p>` : '';
  return `<div class="first" id="first">\n<h3>Where to start</h3>\n<ol>\n${rows.join('\n')}\n</ol>${more}\n</div>`;
}

/** A bar per key, errors then warnings stacked, scaled to the largest; the labels are page text. */
function formatChart(id: string, title: string, tallies: readonly FindingTally[], getLabel: (key: string) => string): string {
  const largest = Math.max(...tallies.map((tally) => tally.total));
  const rows = tallies.slice(0, HTML_CHART_ROWS).map((tally) => {
    const errorWidth = (tally.errors / largest) * 100;
    const warningWidth = (tally.warnings / largest) * 100;
    const bars = [
      tally.errors > 0 ? `<rect class="error" width="${formatNumber(errorWidth)}" height="1"></rect>` : '',
      tally.warnings > 0 ? `<rect class="warning" x="${formatNumber(errorWidth)}" width="${formatNumber(warningWidth)}" height="1"></rect>` : '',
    ].join('');
    const tooltip = `${tally.key}: ${describeSeverities(tally)}`;
    return `<li class="bar-row" data-key="${escapeHtml(tally.key)}" data-total="${tally.total}" title="${escapeHtml(tooltip)}"><span class="bar-label">${escapeHtml(getLabel(tally.key))}</span><svg class="bar" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">${bars}</svg><span class="bar-count">${tally.total}</span></li>`;
  });
  const hidden = tallies.slice(HTML_CHART_ROWS);
  const more = hidden.length > 0 ? `\n<p class="more">…and ${hidden.length} more with ${pluralize(hidden.reduce((sum, tally) => sum + tally.total, 0), 'finding')}.</p>` : '';
  return `<figure class="chart" id="chart-${id}">\n<figcaption>${escapeHtml(title)}</figcaption>\n<ol class="bars">\n${rows.join('\n')}\n</ol>${more}\n</figure>`;
}

/** Findings on lines written through one shared logger, under that logger: one fix each. */
function formatFixGroups(groups: readonly FixGroup[], readLines: LineReader): string {
  if (groups.length === 0) return '';
  const cards = groups.map((group) => {
    const { fixLocation, findings } = group;
    const lines = readLines(fixLocation.file);
    const code = lines ? formatSource(getSourceExcerpt(lines, fixLocation.line, fixLocation.line, HTML_SOURCE_CONTEXT)) : '';
    const sites = findings.map((finding) => {
      const line = readLines(finding.file)?.[finding.line - 1]?.trim();
      return `<li class="finding" ${formatFindingData(finding)}>${formatBadge(finding)} <span>${formatPlace(finding.file, finding.line, finding.column)}</span>${line ? ` <code>${escapeHtml(line)}</code>` : ''}</li>`;
    });
    return `<article class="group" id="${getGroupId(group)}" data-has-findings>
<header class="group-head">
<h4>${formatInline(fixLocation.label)}</h4>
<p>made at ${formatPlace(fixLocation.file, fixLocation.line)} · ${formatRuleLink(group.ruleId, findings[0]!.helpUrl)} · ${pluralize(findings.length, 'finding')} in ${pluralize(group.fileCount, 'file')}</p>
</header>
<div class="group-body">
<p class="message">${formatInline(findings[0]!.message)}</p>
${code}
<details><summary>${pluralize(findings.length, 'line', 'lines')} written through it</summary>
<ul class="call-sites">
${sites.join('\n')}
</ul>
</details>
</div>
</article>`;
  });
  return `<section id="fix-once">\n<h3>Fix once, where it is made</h3>\n<p class="muted">These findings are on lines written through a shared logger: each is fixed once, where the logger is made, and listed here rather than by file.</p>\n${cards.join('\n')}\n</section>`;
}

/** Filters, then a section per service and a card per file; findings fixed once at their logger are listed there instead. */
function formatFindings(findings: readonly Finding[], groups: readonly FixGroup[], readLines: LineReader): string {
  if (findings.length === 0) return '<section id="findings">\n<h2>Findings</h2>\n<p class="muted">No findings.</p>\n</section>';
  const own = findings.filter((finding) => !finding.fixLocation);
  const services = [...groupBy(own, (finding) => finding.service)].sort(([left], [right]) => compareText(left, right));
  const sections = services.map(([service, serviceFindings]) => {
    const files = [...groupBy(serviceFindings, (finding) => finding.file)].map(
      ([file, fileFindings]) => `<article class="file" data-file="${escapeHtml(file)}" data-has-findings>
<header class="file-head"><h5 class="path">${formatPath(file)}</h5></header>
${fileFindings.map((finding) => formatFinding(finding, readLines)).join('\n')}
</article>`,
    );
    return `<section class="service" data-service="${escapeHtml(service)}" data-has-findings>
<h4 class="service-head">${escapeHtml(service || NO_SERVICE)} <span class="counts">${describeSeverities(countFindings(serviceFindings))}</span></h4>
${files.join('\n')}
</section>`;
  });
  const fixGroups = formatFixGroups(groups, readLines);
  const byService = sections.length > 0 ? '\n<h3 class="by-service">By service and file</h3>' : '';
  return `<section id="findings">
<h2>Findings</h2>
${formatFilters(findings)}${fixGroups ? `\n${fixGroups}` : ''}${byService}
${sections.join('\n')}
</section>`;
}

function formatFilters(findings: readonly Finding[]): string {
  const rules = [...new Set(findings.map((finding) => finding.ruleId))].sort(compareText);
  const services = [...new Set(findings.map((finding) => finding.service))].sort(compareText);
  const option = (value: string, label: string): string => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;
  return `<div class="filters" role="search">
<label>Severity <select id="severity-filter"><option value="">All</option><option value="error">Errors</option><option value="warning">Warnings</option></select></label>
<label>Rule <select id="rule-filter"><option value="">All</option>${rules.map((rule) => option(rule, getShortRuleName(rule))).join('')}</select></label>
<label>Service <select id="service-filter"><option value="">All</option>${services.map((service) => option(service, service || NO_SERVICE)).join('')}</select></label>
<label class="filter-text">Text <input type="search" id="text-filter" placeholder="file, message, code…"></label>
<output id="filter-status" aria-live="polite">${findings.length} of ${findings.length} findings shown</output>
</div>`;
}

function formatFinding(finding: Finding, readLines: LineReader): string {
  const lines = readLines(finding.file);
  const code = lines ? formatSource(getSourceExcerpt(lines, finding.line, finding.endLine, HTML_SOURCE_CONTEXT)) : '';
  return `<div class="finding" ${formatFindingData(finding)}>
<p class="finding-head">${formatBadge(finding)} <span class="position">${finding.line}:${finding.column}</span> ${formatRuleLink(finding.ruleId, finding.helpUrl)}</p>
<p class="message">${formatInline(finding.message)}</p>${code ? `\n${code}` : ''}
</div>`;
}

function formatFindingData(finding: Finding): string {
  return `data-severity="${finding.severity}" data-rule="${escapeHtml(finding.ruleId)}" data-service="${escapeHtml(finding.service)}" data-file="${escapeHtml(finding.file)}"`;
}

function formatBadge(finding: Finding): string {
  return `<span class="badge ${finding.severity}">${finding.severity}</span>`;
}

function formatSource(excerpt: ReturnType<typeof getSourceExcerpt>): string {
  if (excerpt.length === 0) return '';
  const lines = excerpt.map(
    (line) => `<span class="line${line.marked ? ' marked' : ''}"><span class="line-number">${line.number}</span>${escapeHtml(line.text)}</span>`,
  );
  return `<pre class="source"><code>${lines.join('')}</code></pre>`;
}

function getGroupId(group: FixGroup): string {
  return `fix-${createHash('sha256').update(`${group.ruleId}\0${group.fixLocation.file}\0${group.fixLocation.line}\0${group.fixLocation.label}`).digest('hex').slice(0, 12)}`;
}

/** At most two decimals, so the output does not depend on float printing. */
function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function getSourceHash(source: string): string {
  return `sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}`;
}

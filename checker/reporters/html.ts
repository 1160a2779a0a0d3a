import { createHash } from 'node:crypto';

import type { CheckResult, Finding, InventoryEntry } from '../report/model.js';
import { compareText } from '../report/model.js';
import { escapeHtml, getSafeUrl } from './escape-html.js';
import { normalizeResult } from './normalize-result.js';
import { countFindings, describeExcluded, describeFindings, describeInventory, getKindTitle, getShortRuleName, groupBy, pluralize, tallyFindings } from './summary.js';
import type { FindingTally } from './summary.js';

const CHART_WIDTH = 760;
const CHART_LABEL_WIDTH = 280;
const CHART_COUNT_WIDTH = 56;
const CHART_ROW_HEIGHT = 24;
const CHART_BAR_HEIGHT = 16;
const CHART_LABEL_LENGTH = 40;
const NO_SERVICE = '(no service)';

const STYLE = `
:root { color-scheme: light dark; --text: #1f2328; --muted: #59636e; --border: #d1d9e0; --stripe: #f6f8fa; --error: #cf222e; --warning: #bf8700; --link: #0969da; }
@media (prefers-color-scheme: dark) { :root { --text: #e6edf3; --muted: #9198a1; --border: #3d444d; --stripe: #151b23; --error: #f85149; --warning: #d29922; --link: #4493f8; } }
body { margin: 2rem auto; max-width: 1200px; padding: 0 1rem; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--text); }
h1 { font-size: 1.6rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid var(--border); padding-bottom: 0.25rem; }
h3 { font-size: 1rem; }
.muted, .empty { color: var(--muted); }
.summary { font-size: 1.1rem; font-weight: 600; }
.summary.failed { color: var(--error); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(380px, 1fr)); gap: 1rem 2rem; }
svg.chart { width: 100%; height: auto; }
svg.chart text { fill: var(--text); font: 12px system-ui, sans-serif; }
svg.chart .bar-error { fill: var(--error); }
svg.chart .bar-warning { fill: var(--warning); }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid var(--border); padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
tbody tr:nth-child(even) { background: var(--stripe); }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
code, td.file { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; word-break: break-all; }
a { color: var(--link); }
.severity-error { color: var(--error); font-weight: 600; }
.severity-warning { color: var(--warning); font-weight: 600; }
.filters { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
.filters input { flex: 1; min-width: 16rem; padding: 0.3rem 0.5rem; font: inherit; }
.filters select { padding: 0.3rem; font: inherit; }
.legend span { margin-right: 1rem; }
`;

const SCRIPT = `
(() => {
  const query = document.getElementById('finding-filter');
  const severity = document.getElementById('severity-filter');
  const status = document.getElementById('filter-status');
  if (!query || !severity || !status) return;
  const rows = Array.from(document.querySelectorAll('#findings-table tbody tr'));
  const apply = () => {
    const text = query.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const visible = (!severity.value || row.dataset.severity === severity.value) && (!text || row.textContent.toLowerCase().includes(text));
      row.hidden = !visible;
      if (visible) shown += 1;
    }
    status.textContent = shown + ' of ' + rows.length + ' findings shown';
  };
  query.addEventListener('input', apply);
  severity.addEventListener('change', apply);
  apply();
})();
`;

/** Only this page's own style and script may run; nothing may be fetched. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src '${getSourceHash(STYLE)}'`,
  `script-src '${getSourceHash(SCRIPT)}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * One self-contained page: summary, bar charts by rule and by service (inline SVG), a filterable findings
 * table, the files that could not be checked and the inventory by kind. Every string from the result is
 * escaped; the page loads nothing and runs only its own script.
 */
export function formatHtml(input: CheckResult): string {
  const result = normalizeResult(input);
  const sections = [formatHeader(result), formatCharts(result.findings), formatFindings(result.findings), formatProblems(result), formatLeftOut(result), formatInventory(result.inventory)];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>policy-check report</title>
<style>${STYLE}</style>
</head>
<body>
${sections.filter(Boolean).join('\n')}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function formatHeader(result: CheckResult): string {
  const counts = countFindings(result.findings);
  const details = [`${pluralize(result.fileCount, 'file')} checked`];
  const excluded = describeExcluded(result.excluded);
  if (excluded) details.push(`left out: ${excluded}`);
  details.push(`inventory: ${describeInventory(result.inventory)}`);
  return `<header>
<h1>policy-check report</h1>
<p class="muted">${escapeHtml(result.tool.name)} ${escapeHtml(result.tool.version)}</p>
<p class="summary${counts.total > 0 || result.problems.length > 0 ? ' failed' : ''}" id="summary">${escapeHtml(describeFindings(counts, result.fileCount, result.problems))}</p>
<p class="muted">${escapeHtml(details.join(' · '))}</p>
</header>`;
}

function formatCharts(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const byRule = tallyFindings(findings, (finding) => finding.ruleId);
  const byService = tallyFindings(findings, (finding) => finding.service || NO_SERVICE);
  return `<section id="charts">
<h2>Summary</h2>
<p class="legend"><span class="severity-error">■ errors</span><span class="severity-warning">■ warnings</span></p>
<div class="charts">
<figure><figcaption><h3>Findings by rule</h3></figcaption>
${formatBarChart('rule', 'Findings by rule', byRule.map((tally) => ({ ...tally, label: getShortRuleName(tally.key) })))}
</figure>
<figure><figcaption><h3>Findings by service</h3></figcaption>
${formatBarChart('service', 'Findings by service', byService.map((tally) => ({ ...tally, label: tally.key })))}
</figure>
</div>
</section>`;
}

/** A horizontal bar per key, errors then warnings stacked, scaled to the largest total. */
function formatBarChart(id: string, title: string, tallies: readonly (FindingTally & { readonly label: string })[]): string {
  const height = tallies.length * CHART_ROW_HEIGHT + 8;
  const barSpace = CHART_WIDTH - CHART_LABEL_WIDTH - CHART_COUNT_WIDTH;
  const largest = Math.max(...tallies.map((tally) => tally.total));
  const rows = tallies.map((tally, index) => {
    const y = 4 + index * CHART_ROW_HEIGHT;
    const barY = y + (CHART_ROW_HEIGHT - CHART_BAR_HEIGHT) / 2;
    const errorWidth = (tally.errors / largest) * barSpace;
    const warningWidth = (tally.warnings / largest) * barSpace;
    const tooltip = escapeHtml(`${tally.key}: ${pluralize(tally.errors, 'error')}, ${pluralize(tally.warnings, 'warning')}`);
    const label = tally.label.length > CHART_LABEL_LENGTH ? `${tally.label.slice(0, CHART_LABEL_LENGTH - 1)}…` : tally.label;
    const bars = [
      tally.errors > 0 ? `<rect class="bar-error" x="${CHART_LABEL_WIDTH}" y="${barY}" width="${formatNumber(errorWidth)}" height="${CHART_BAR_HEIGHT}"></rect>` : '',
      tally.warnings > 0
        ? `<rect class="bar-warning" x="${formatNumber(CHART_LABEL_WIDTH + errorWidth)}" y="${barY}" width="${formatNumber(warningWidth)}" height="${CHART_BAR_HEIGHT}"></rect>`
        : '',
    ].join('');
    return `<g class="bar" data-key="${escapeHtml(tally.key)}" data-total="${tally.total}"><title>${tooltip}</title><text x="${CHART_LABEL_WIDTH - 8}" y="${y + CHART_ROW_HEIGHT / 2}" text-anchor="end" dominant-baseline="middle">${escapeHtml(label)}</text>${bars}<text x="${formatNumber(CHART_LABEL_WIDTH + errorWidth + warningWidth + 6)}" y="${y + CHART_ROW_HEIGHT / 2}" dominant-baseline="middle">${tally.total}</text></g>`;
  });
  return `<svg class="chart" id="chart-${id}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART_WIDTH} ${height}" role="img" aria-label="${escapeHtml(title)}">
${rows.join('\n')}
</svg>`;
}

function formatFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '<section id="findings">\n<h2>Findings</h2>\n<p class="empty">No findings.</p>\n</section>';
  const rows = findings.map(
    (finding) =>
      `<tr data-severity="${finding.severity}"><td class="file">${escapeHtml(finding.file)}</td><td class="number">${finding.line}:${finding.column}</td><td>${formatRuleLink(finding)}</td><td class="severity-${finding.severity}">${finding.severity}</td><td>${escapeHtml(finding.service)}</td><td>${escapeHtml(finding.message)}</td></tr>`,
  );
  return `<section id="findings">
<h2>Findings</h2>
<div class="filters">
<input type="search" id="finding-filter" placeholder="Filter by file, rule, service or message" aria-label="Filter findings">
<select id="severity-filter" aria-label="Severity"><option value="">All severities</option><option value="error">Errors</option><option value="warning">Warnings</option></select>
<span id="filter-status" class="muted" aria-live="polite">${findings.length} of ${findings.length} findings shown</span>
</div>
<table id="findings-table">
<thead><tr><th>File</th><th>Line</th><th>Rule</th><th>Severity</th><th>Service</th><th>Message</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

function formatProblems(result: CheckResult): string {
  if (result.problems.length === 0) return '';
  const rows = result.problems.map((problem) => `<tr><td class="file">${escapeHtml(problem.file)}</td><td>${escapeHtml(problem.message)}</td></tr>`);
  return `<section id="problems">
<h2>Files that could not be checked</h2>
<table id="problems-table">
<thead><tr><th>File</th><th>Problem</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

/** Notes on how the project was loaded, and the files left out (collapsed: there may be thousands). */
function formatLeftOut(result: CheckResult): string {
  if (result.notes.length === 0 && result.excluded.length === 0) return '';
  const notes = result.notes.map((note) => `<tr><td class="file">${escapeHtml(note.file)}</td><td>${escapeHtml(note.message)}</td></tr>`);
  const excluded = result.excluded.map((entry) => `<tr><td class="file">${escapeHtml(entry.file)}</td><td>${escapeHtml(entry.reason)}</td></tr>`);
  const parts = ['<section id="left-out">', '<h2>Notes and files left out</h2>'];
  if (notes.length > 0) parts.push('<table id="notes-table">', '<thead><tr><th>File</th><th>Note</th></tr></thead>', '<tbody>', ...notes, '</tbody>', '</table>');
  if (excluded.length > 0) {
    parts.push(`<details><summary>${escapeHtml(describeExcluded(result.excluded))}</summary>`, '<table id="excluded-table">', '<thead><tr><th>File</th><th>Reason</th></tr></thead>', '<tbody>', ...excluded, '</tbody>', '</table>', '</details>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** One table per kind, with a column for every property any entry of that kind has. */
function formatInventory(inventory: readonly InventoryEntry[]): string {
  if (inventory.length === 0) return '<section id="inventory">\n<h2>Inventory</h2>\n<p class="empty">Nothing recorded.</p>\n</section>';
  const kinds = [...groupBy(inventory, (entry) => entry.kind)].sort(([left], [right]) => compareText(left, right));
  const tables = kinds.map(([kind, entries]) => {
    const keys = [...new Set(entries.flatMap((entry) => Object.keys(entry.properties)))].sort(compareText);
    const header = ['File', 'Line', 'Service', 'Library', ...keys].map((key) => `<th>${escapeHtml(key)}</th>`).join('');
    const rows = entries.map((entry) => {
      const cells = [
        `<td class="file">${escapeHtml(entry.file)}</td>`,
        `<td class="number">${entry.line}:${entry.column}</td>`,
        `<td>${escapeHtml(entry.service)}</td>`,
        `<td>${escapeHtml(entry.library)}</td>`,
        ...keys.map((key) => formatPropertyCell(entry, key)),
      ];
      return `<tr>${cells.join('')}</tr>`;
    });
    return `<h3>${escapeHtml(getKindTitle(kind, entries.length))} (${entries.length})</h3>
<table class="inventory-table" data-kind="${escapeHtml(kind)}">
<thead><tr>${header}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
  });
  return `<section id="inventory">\n<h2>Inventory</h2>\n${tables.join('\n')}\n</section>`;
}

function formatPropertyCell(entry: InventoryEntry, key: string): string {
  if (!Object.hasOwn(entry.properties, key)) return '<td></td>';
  const value = entry.properties[key];
  if (value === null) return '<td class="muted">unknown</td>';
  return `<td${typeof value === 'number' ? ' class="number"' : ''}>${escapeHtml(String(value))}</td>`;
}

function formatRuleLink(finding: Finding): string {
  const url = getSafeUrl(finding.helpUrl);
  const name = escapeHtml(finding.ruleId);
  return url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${name}</a>` : name;
}

/** Coordinates with at most two decimals, so the output does not depend on float printing. */
function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function getSourceHash(source: string): string {
  return `sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}`;
}

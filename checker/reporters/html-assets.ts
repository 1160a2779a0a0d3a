/**
 * The HTML report's own style and script, inlined into the page and allowed by hash in its Content
 * Security Policy. Text is never smaller than 12 px; the page fits a 375 px phone without scrolling
 * sideways (wide tables and long code lines scroll inside their own box); paths wrap only after a `/`.
 */

export const HTML_STYLE = `
:root { color-scheme: light dark; --text: #1f2328; --muted: #59636e; --border: #d1d9e0; --surface: #ffffff; --canvas: #f6f8fa; --code: #eff2f5; --mark: #fff8c5; --error: #cf222e; --error-soft: #ffebe9; --warning: #9a6700; --warning-bar: #d4a72c; --warning-soft: #fff8c5; --link: #0969da; --track: #eaeef2; }
@media (prefers-color-scheme: dark) { :root { --text: #e6edf3; --muted: #9198a1; --border: #3d444d; --surface: #0d1117; --canvas: #010409; --code: #151b23; --mark: #3b2e00; --error: #f85149; --error-soft: #3c1618; --warning: #d29922; --warning-bar: #bb8009; --warning-soft: #3b2e00; --link: #4493f8; --track: #262c36; } }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--canvas); color: var(--text); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 1200px; margin: 0 auto; padding: 24px 16px 48px; }
h1 { font-size: 26px; line-height: 1.25; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 40px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--border); }
h3 { font-size: 17px; margin: 28px 0 8px; }
h4 { font-size: 17px; margin: 24px 0 8px; }
h5 { font-size: 13px; margin: 0; font-weight: 600; }
p { margin: 0 0 8px; }
a { color: var(--link); }
code, pre, .path, .position { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 13px; }
code { background: var(--code); border-radius: 4px; padding: 1px 4px; }
.path { overflow-wrap: normal; word-break: normal; }
.path .part, td.name { white-space: nowrap; }
.muted { color: var(--muted); }
.verdict { font-size: 18px; font-weight: 600; margin: 12px 0 4px; }
.verdict.failed { color: var(--error); }
.toc { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 12px 0 0; padding: 0; list-style: none; font-size: 14px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 12px; }
.card, .chart, .first { background: var(--surface); border: 1px solid var(--border); border-radius: 8px; padding: 12px 16px; min-width: 0; }
.card-value { display: block; font-size: 28px; font-weight: 700; line-height: 1.2; font-variant-numeric: tabular-nums; }
.card-label { display: block; color: var(--muted); font-size: 14px; }
.card.error .card-value { color: var(--error); }
.card.warning .card-value { color: var(--warning); }
.first { margin: 12px 0 0; }
.first h3 { margin: 0 0 8px; font-size: 16px; }
.first ol { margin: 0; padding-left: 24px; }
.first li { margin: 4px 0; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 340px), 1fr)); align-items: start; gap: 12px; margin-top: 12px; }
.chart { margin: 0; }
.chart figcaption { font-weight: 600; font-size: 15px; margin-bottom: 8px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 13px; color: var(--muted); margin: 12px 0 0; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
.swatch.error { background: var(--error); }
.swatch.warning { background: var(--warning-bar); }
.bars { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.bar-row { display: grid; grid-template-columns: minmax(0, 42%) minmax(40px, 1fr) auto; align-items: center; gap: 8px; font-size: 13px; }
.bar-label { overflow-wrap: break-word; min-width: 0; }
.bar { display: block; width: 100%; height: 14px; background: var(--track); border-radius: 3px; }
.bar .error { fill: var(--error); }
.bar .warning { fill: var(--warning-bar); }
.bar-count { font-variant-numeric: tabular-nums; font-weight: 600; min-width: 2ch; text-align: right; }
.more { font-size: 13px; color: var(--muted); margin: 8px 0 0; }
.filters { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: flex-end; background: var(--canvas); padding: 8px 0; border-bottom: 1px solid var(--border); margin-bottom: 8px; }
.filters label { display: flex; flex-direction: column; gap: 2px; font-size: 13px; color: var(--muted); min-width: 0; max-width: 100%; }
.filters .filter-text { flex: 1 1 220px; }
.filters input, .filters select { font: inherit; font-size: 14px; padding: 6px 8px; border: 1px solid var(--border); border-radius: 6px; background: var(--surface); color: var(--text); max-width: 100%; }
#filter-status { font-size: 13px; color: var(--muted); padding-bottom: 8px; }
.by-service { margin-top: 32px; }
.service-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px; }
.counts { font-size: 14px; font-weight: 400; color: var(--muted); }
.file, .group { background: var(--surface); border: 1px solid var(--border); border-radius: 8px; margin: 12px 0; overflow: hidden; }
.file-head, .group-head { padding: 8px 16px; background: var(--code); border-bottom: 1px solid var(--border); overflow-x: auto; }
.group-head h4 { margin: 0 0 4px; font-size: 16px; }
.group-head p { margin: 0; font-size: 14px; }
.group-body { padding: 12px 16px; }
.finding { padding: 12px 16px; }
.finding + .finding { border-top: 1px solid var(--border); }
.finding-head { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; margin: 0 0 4px; }
.badge { font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.03em; padding: 1px 8px; border-radius: 10px; white-space: nowrap; }
.badge.error { color: var(--error); background: var(--error-soft); }
.badge.warning { color: var(--warning); background: var(--warning-soft); }
.position { color: var(--muted); }
.message { margin: 0 0 8px; overflow-wrap: break-word; }
.source { margin: 0; background: var(--code); border: 1px solid var(--border); border-radius: 6px; padding: 6px 0; overflow-x: auto; line-height: 1.45; }
.source code { display: block; min-width: max-content; background: none; padding: 0; border-radius: 0; }
.line { display: block; white-space: pre; padding-right: 12px; }
.line.marked { background: var(--mark); box-shadow: inset 3px 0 var(--error); }
.line-number { display: inline-block; min-width: 5ch; padding: 0 12px 0 8px; text-align: right; color: var(--muted); user-select: none; }
.call-sites { list-style: none; margin: 8px 0 0; padding: 0; }
.call-sites .finding { display: flex; flex-wrap: wrap; gap: 2px 10px; align-items: baseline; padding: 6px 0; }
.call-sites .finding code { min-width: 0; max-width: 100%; overflow-x: auto; white-space: pre; }
details > summary { cursor: pointer; }
.table-wrap { overflow-x: auto; border: 1px solid var(--border); border-radius: 8px; background: var(--surface); margin: 8px 0 16px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { padding: 6px 10px; text-align: left; vertical-align: top; border-bottom: 1px solid var(--border); }
tbody tr:last-child td { border-bottom: 0; }
th { background: var(--code); white-space: nowrap; }
th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
th button::after { content: " \\2195"; color: var(--muted); }
th[aria-sort="ascending"] button::after { content: " \\25B2"; color: var(--text); }
th[aria-sort="descending"] button::after { content: " \\25BC"; color: var(--text); }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
td .path { white-space: normal; }
[hidden] { display: none !important; }
@media (max-width: 600px) {
  main { padding: 16px 12px 32px; }
  h1 { font-size: 22px; }
  .card-value { font-size: 24px; }
  .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .filters { position: static; }
  .finding, .group-body { padding: 10px 12px; }
  .file-head, .group-head { padding: 8px 12px; }
}
@media print {
  :root { color-scheme: light; --text: #000; --muted: #444; --border: #bbb; --surface: #fff; --canvas: #fff; --code: #f3f3f3; --mark: #fff3b0; --link: #000; --error: #cf222e; --error-soft: #ffebe9; --warning: #9a6700; --warning-bar: #d4a72c; --warning-soft: #fff8c5; --track: #eaeef2; }
  .line.marked, .badge, .bar, .swatch { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  body { font-size: 12px; }
  main { max-width: none; padding: 0; }
  .toc, .filters { display: none; }
  .card, .chart, .first, .file, .group, tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .source, .table-wrap, .file-head, .group-head { overflow: visible; }
  .line, .call-sites .finding code { white-space: pre-wrap; }
  a { text-decoration: none; }
}
`;

export const HTML_SCRIPT = `
(() => {
  const byId = (id) => document.getElementById(id);
  const findings = Array.from(document.querySelectorAll('.finding'));
  const containers = Array.from(document.querySelectorAll('[data-has-findings]'), (container) => [container, Array.from(container.querySelectorAll('.finding'))]);
  const controls = [byId('severity-filter'), byId('rule-filter'), byId('service-filter')];
  const text = byId('text-filter');
  const status = byId('filter-status');
  const haystacks = new Map(findings.map((finding) => [finding, ((finding.dataset.file || '') + ' ' + finding.textContent).toLowerCase()]));
  const apply = () => {
    const [severity, rule, service] = controls.map((control) => (control ? control.value : ''));
    const query = text ? text.value.trim().toLowerCase() : '';
    let shown = 0;
    for (const finding of findings) {
      const visible =
        (!severity || finding.dataset.severity === severity) &&
        (!rule || finding.dataset.rule === rule) &&
        (!service || finding.dataset.service === service) &&
        (!query || haystacks.get(finding).includes(query));
      finding.hidden = !visible;
      if (visible) shown += 1;
    }
    for (const [container, inside] of containers) container.hidden = !inside.some((finding) => !finding.hidden);
    if (status) status.textContent = shown + ' of ' + findings.length + ' findings shown';
  };
  for (const control of controls) {
    if (control) control.addEventListener('change', apply);
  }
  // Typing filters once the typing pauses: a report of thousands of findings re-lays out on every pass.
  let typing;
  if (text) {
    text.addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(apply, 150);
    });
  }
  apply();

  const compare = (left, right) => {
    const leftNumber = Number(left);
    const rightNumber = Number(right);
    if (left !== '' && right !== '' && Number.isFinite(leftNumber) && Number.isFinite(rightNumber)) return leftNumber - rightNumber;
    return left.localeCompare(right, 'en', { numeric: true, sensitivity: 'base' });
  };
  const valueOf = (row, column) => {
    const cell = row.cells[column];
    return cell ? (cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim()) : '';
  };
  for (const table of document.querySelectorAll('table.sortable')) {
    const headers = Array.from(table.tHead.rows[0].cells);
    headers.forEach((header, column) => {
      const button = header.querySelector('button');
      if (!button) return;
      button.addEventListener('click', () => {
        const ascending = header.getAttribute('aria-sort') !== 'ascending';
        for (const other of headers) other.removeAttribute('aria-sort');
        header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const body = table.tBodies[0];
        const rows = Array.from(body.rows);
        rows.sort((left, right) => compare(valueOf(left, column), valueOf(right, column)) * (ascending ? 1 : -1));
        body.append(...rows);
      });
    });
  }

  let closed = [];
  window.addEventListener('beforeprint', () => {
    closed = Array.from(document.querySelectorAll('details:not([open])'));
    for (const details of closed) details.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const details of closed) details.open = false;
    closed = [];
  });
})();
`;

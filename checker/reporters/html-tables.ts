/** The HTML report's tables: the files that could not be checked, notes, files left out, and the inventory by kind (sortable). */
import type { CheckResult, InventoryEntry } from '../report/model.js';
import { compareText } from '../report/model.js';
import { escapeHtml } from './escape-html.js';
import { formatInline, formatPath, NO_SERVICE } from './html-text.js';
import { describeExcluded, describeInventory, formatPropertyValue, getInventoryColumns, getKindTitle, getPropertyLabel, groupBy } from './summary.js';

export function formatProblems(result: CheckResult): string {
  if (result.problems.length === 0) return '';
  const rows = result.problems.map((problem) => `<tr><td><span class="path">${formatPath(problem.file)}</span></td><td>${escapeHtml(problem.message)}</td></tr>`);
  return `<section id="problems">\n<h2>Files that could not be checked</h2>\n${formatTable('problems-table', ['File', 'Problem'], rows)}\n</section>`;
}

/** Notes on how the project was loaded, and the files left out (collapsed: there may be thousands). */
export function formatLeftOut(result: CheckResult): string {
  if (result.notes.length === 0 && result.excluded.length === 0) return '';
  const parts = ['<section id="left-out">', '<h2>Notes and files left out</h2>'];
  if (result.notes.length > 0) {
    const rows = result.notes.map((note) => `<tr><td><span class="path">${formatPath(note.file)}</span></td><td>${escapeHtml(note.message)}</td></tr>`);
    parts.push(formatTable('notes-table', ['File', 'Note'], rows));
  }
  if (result.excluded.length > 0) {
    const rows = result.excluded.map((entry) => `<tr><td><span class="path">${formatPath(entry.file)}</span></td><td>${escapeHtml(entry.reason)}</td></tr>`);
    parts.push(`<details><summary>${escapeHtml(describeExcluded(result.excluded))}</summary>`, formatTable('excluded-table', ['File', 'Reason'], rows, true), '</details>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** A sortable table per kind: where, service, library, then the kind's properties in reading order. */
export function formatInventory(inventory: readonly InventoryEntry[]): string {
  if (inventory.length === 0) return '<section id="inventory">\n<h2>Inventory</h2>\n<p class="muted">Nothing recorded.</p>\n</section>';
  const kinds = [...groupBy(inventory, (entry) => entry.kind)].sort(([left], [right]) => compareText(left, right));
  const tables = kinds.map(([kind, entries]) => {
    const columns = getInventoryColumns(kind, entries);
    const rows = entries.map((entry) => {
      const cells = [
        `<td data-sort="${escapeHtml(entry.file)}:${String(entry.line).padStart(9, '0')}"><span class="path">${formatPath(entry.file)}</span>:${entry.line}</td>`,
        `<td class="name">${escapeHtml(entry.service || NO_SERVICE)}</td>`,
        `<td class="name">${escapeHtml(entry.library)}</td>`,
        ...columns.map((key) => formatPropertyCell(entry.properties[key])),
      ];
      return `<tr>${cells.join('')}</tr>`;
    });
    const headers = ['Where', 'Service', 'Library', ...columns.map(getPropertyLabel)];
    return `<h3 id="inventory-${escapeHtml(kind)}">${escapeHtml(getKindTitle(kind, entries.length))} (${entries.length})</h3>\n${formatTable(`inventory-${kind}`, headers, rows, true, kind)}`;
  });
  return `<section id="inventory">\n<h2>Inventory</h2>\n<p class="muted">${escapeHtml(describeInventory(inventory))}. Click a column heading to sort.</p>\n${tables.join('\n')}\n</section>`;
}

function formatTable(id: string, headers: readonly string[], rows: readonly string[], sortable = false, kind?: string): string {
  const heading = headers.map((header) => `<th scope="col">${sortable ? `<button type="button">${escapeHtml(header)}</button>` : escapeHtml(header)}</th>`).join('');
  const classes = [kind ? 'inventory-table' : '', sortable ? 'sortable' : ''].filter(Boolean).join(' ');
  return `<div class="table-wrap">
<table id="${escapeHtml(id)}"${classes ? ` class="${classes}"` : ''}${kind ? ` data-kind="${escapeHtml(kind)}"` : ''}>
<thead><tr>${heading}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>`;
}

function formatPropertyCell(value: string | number | boolean | null | undefined): string {
  const text = formatPropertyValue(value);
  if (typeof value === 'number') return `<td class="number" data-sort="${Number.isFinite(value) ? value : escapeHtml(String(value))}">${escapeHtml(text)}</td>`;
  return `<td${value === null ? ' class="muted"' : ''}>${formatInline(text)}</td>`;
}

/**
 * On a narrow screen a table row becomes a card, each cell under its column's name (report.css,
 * max-width 640px). CSS cannot read a header's text, so every body cell carries it as
 * data-label: set now, and again whenever a page draws rows (filters, sorting, a page opened
 * for the first time).
 */
export function labelTableCells(root: HTMLElement): void {
  let queued = false;
  const label = () => {
    queued = false;
    for (const table of root.querySelectorAll('table')) {
      const headers = [...table.querySelectorAll(':scope > thead > tr:last-child > th')].map(
        (header) => header.textContent?.trim() ?? '',
      );
      if (headers.length === 0) continue;
      for (const row of table.querySelectorAll(':scope > tbody > tr')) {
        let column = 0;
        for (const cell of row.children) {
          const name = headers[column];
          if (cell.tagName === 'TD' && name && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', name);
          column += (cell as HTMLTableCellElement).colSpan || 1;
        }
      }
    }
  };
  label();
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(label);
  }).observe(root, { childList: true, subtree: true });
}

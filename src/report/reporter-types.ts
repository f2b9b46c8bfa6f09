/** What every reporter is and takes: apart from the registry (outputs.ts), which names every reporter. */
import type { ScanResult } from '../result/schema.js';

export interface ReportOptions {
  /** ANSI colours (terminal only; never when writing a file). */
  color: boolean;
  /** The terminal's width in columns, when writing to one: the table fits it. */
  width?: number | undefined;
  /** Who the document is for and by whom: the HTML report's cover and page footers, the Markdown title. */
  document?: DocumentInfo | undefined;
}

/** A deliverable's cover: set with --title, --client, --author and --classification. */
export interface DocumentInfo {
  title?: string | undefined;
  client?: string | undefined;
  author?: string | undefined;
  /** A confidentiality line, such as "Confidential: prepared for Acme Ltd only". */
  classification?: string | undefined;
}

/** A reporter is a pure function: result in, text out. */
export type Reporter = (result: ScanResult, options: ReportOptions) => string;

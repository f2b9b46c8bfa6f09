import { InputError } from '../errors.js';
import { renderText, type Format } from '../report/outputs.js';
import type { DocumentInfo } from '../report/reporter-types.js';
import type { ScanResult } from '../result/schema.js';
import { wantsColour } from './colour.js';
import { plural } from '../util/plural.js';
import { batched, writeOutputAtomically } from './write-output.js';
import { checkRoadmap, withSchedule, type RoadmapOptions } from './roadmap-options.js';

/** Formats that are documents, not text to read in a terminal. */
const DOCUMENT_FORMATS = new Set<Format>(['html']);

export interface EmitOptions extends DocumentInfo, RoadmapOptions {
  format: Format;
  output?: string | undefined;
  quiet?: boolean | undefined;
  color: boolean;
}

/** Refuses, before any work, to pour a document into a terminal. */
export function checkDestination(options: Pick<EmitOptions, 'format' | 'output' | 'start' | 'capacity'>): void {
  checkRoadmap(options);
  if (!options.output && DOCUMENT_FORMATS.has(options.format) && process.stdout.isTTY) {
    throw new InputError(
      `--format ${options.format} writes a document, not terminal text`,
      `Add --output report.${options.format}, or redirect standard output to a file.`,
    );
  }
}

/**
 * The width the terminal table fits: the terminal's own, or COLUMNS when it is set (as `ls`
 * reads it, so that a pipe can ask for a width too); none for files and plain pipes.
 */
export function terminalWidth(): number | undefined {
  const fromEnv = Number(process.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : undefined;
}

const documentOf = ({ title, client, author, classification }: DocumentInfo): DocumentInfo => ({
  title,
  client,
  author,
  classification,
});

/** Renders a result in one format to a file (atomically) or to standard output. */
export async function emitReport(scanned: ScanResult, options: EmitOptions): Promise<void> {
  checkDestination(options);
  const result = withSchedule(scanned, options);
  const color = options.output ? false : wantsColour(options.color);
  // The JSON document is written in parts as it is made: on a large portfolio it runs to tens of megabytes.
  const report =
    options.format === 'json'
      ? (await import('../report/json-report.js')).jsonReportParts(result)
      : await renderText('scan', options.format, result, {
          color,
          width: options.output ? undefined : terminalWidth(),
          document: documentOf(options),
        });
  if (options.output) {
    await writeOutputAtomically(options.output, report);
    if (!options.quiet) {
      process.stderr.write(
        `cloudready: wrote ${options.output} (${plural(result.summary.applications, 'application')}, ${plural(result.findings.length, 'finding')})\n`,
      );
    }
  } else if (typeof report === 'string') {
    process.stdout.write(report);
  } else {
    // A pipe that is full says so: wait until it drains rather than buffer the whole document.
    for (const piece of batched(report))
      if (!process.stdout.write(piece)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

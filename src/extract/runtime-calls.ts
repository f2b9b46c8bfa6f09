import fs from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { InputError } from '../errors.js';

/** A row of a call-volume CSV: the calling class, the called class, how many calls were measured. */
const CallRow = z.object({
  caller: z.string().trim().min(1, 'caller is empty'),
  callee: z.string().trim().min(1, 'callee is empty'),
  count: z.coerce
    .number({ error: 'count is not a number' })
    .int('count is not a whole number')
    .positive('count is not a positive number'),
});
/** A measured call volume between two classes or modules, by name. */
export type RuntimeCall = z.infer<typeof CallRow>;

/** The part of an OpenTelemetry (OTLP JSON) span export the split reads: spans, their parents and code attributes. */
const AttributeValue = z.object({ stringValue: z.string().optional() }).loose();
const Span = z
  .object({
    spanId: z.string(),
    parentSpanId: z.string().optional(),
    traceId: z.string().optional(),
    attributes: z.array(z.object({ key: z.string(), value: AttributeValue })).optional(),
  })
  .loose();
const SpanScope = z.object({ spans: z.array(Span).optional() }).loose();
const OtlpExport = z.object({
  resourceSpans: z.array(
    z
      .object({ scopeSpans: z.array(SpanScope).optional(), instrumentationLibrarySpans: z.array(SpanScope).optional() })
      .loose(),
  ),
});
type SpanType = z.infer<typeof Span>;

/** Files larger than this are refused: a call export is a summary, not a trace dump of a month. */
const MAX_BYTES = 256 * 1024 * 1024;

/**
 * Measured call volumes between classes (cloudready split --calls FILE): a CSV of caller,callee,count
 * or an OpenTelemetry span export in OTLP JSON, where a span's class is its `code.namespace`
 * attribute (or `code.function.name` without the method) and each parent→child span pair of
 * two classes is one call (docs/split.md, Measured calls). Names are classes as the code
 * declares them (com.acme.order.OrderService).
 */
export async function readRuntimeCalls(file: string): Promise<RuntimeCall[]> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat?.isFile())
    throw new InputError(
      `${file}: no such file`,
      'Give a CSV of caller,callee,count or an OpenTelemetry span export (OTLP JSON).',
    );
  if (stat.size > MAX_BYTES)
    throw new InputError(
      `${file}: ${Math.round(stat.size / 1024 / 1024)} MB is more than the 256 MB a call export may have`,
      'Aggregate the calls per caller and callee first (a CSV of caller,callee,count).',
    );
  const text = (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  return /^\s*[{[]/.test(text) ? callsOfSpans(file, text) : callsOfCsv(file, text);
}

function callsOfCsv(file: string, text: string): RuntimeCall[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new InputError(
      `${file}${line ? `:${line}` : ''}: not a CSV of calls (${(error as Error).message})`,
      'Write one call pair per line: caller,callee,count, with that header.',
    );
  }
  if (rows.length > 0 && !['caller', 'callee', 'count'].every((column) => column in rows[0]!))
    throw new InputError(
      `${file}:1: the header must name caller, callee and count`,
      'Write one call pair per line: caller,callee,count, with that header.',
    );
  return rows.map((row, at) => {
    const parsed = CallRow.safeParse(row);
    if (!parsed.success) throw new InputError(`${file}:${at + 2}: ${parsed.error.issues[0]!.message}`);
    return parsed.data;
  });
}

function callsOfSpans(file: string, text: string): RuntimeCall[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `${file}: not JSON (${(error as Error).message})`,
      'Give an OpenTelemetry span export (OTLP JSON) or a CSV of caller,callee,count.',
    );
  }
  const parsed = OtlpExport.safeParse(json);
  if (!parsed.success)
    throw new InputError(
      `${file}: not an OpenTelemetry span export: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`,
      'Export spans as OTLP JSON (resourceSpans → scopeSpans → spans) or give a CSV of caller,callee,count.',
    );
  const spans = parsed.data.resourceSpans
    .flatMap((resource) => [...(resource.scopeSpans ?? []), ...(resource.instrumentationLibrarySpans ?? [])])
    .flatMap((scope) => scope.spans ?? []);
  const key = (span: { traceId?: string | undefined }, id: string) => `${span.traceId ?? ''}/${id}`;
  const classOf = new Map<string, string>();
  for (const span of spans) {
    const name = spanClass(span);
    if (name) classOf.set(key(span, span.spanId), name);
  }
  const counts = new Map<string, number>();
  for (const span of spans) {
    if (!span.parentSpanId) continue;
    const [caller, callee] = [classOf.get(key(span, span.parentSpanId)), classOf.get(key(span, span.spanId))];
    if (caller && callee && caller !== callee)
      counts.set(`${caller}\0${callee}`, (counts.get(`${caller}\0${callee}`) ?? 0) + 1);
  }
  return [...counts].map(([pair, count]) => {
    const [caller, callee] = pair.split('\0') as [string, string];
    return { caller, callee, count };
  });
}

/** The class a span ran in: `code.namespace`, else `code.function.name` (new conventions: Class.method) without its method. */
function spanClass(span: SpanType): string | undefined {
  const attribute = (name: string) => span.attributes?.find((candidate) => candidate.key === name)?.value.stringValue;
  const namespace = attribute('code.namespace');
  if (namespace) return namespace;
  const qualified = attribute('code.function.name');
  return qualified?.includes('.') ? qualified.slice(0, qualified.lastIndexOf('.')) : undefined;
}

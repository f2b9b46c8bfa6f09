import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRuntimeCalls } from '../../src/extract/runtime-calls.js';
import { makeTree } from '../helpers/temp-tree.js';

const span = (spanId: string, parentSpanId: string | undefined, attributes: Record<string, string>) => ({
  traceId: 't1',
  spanId,
  ...(parentSpanId ? { parentSpanId } : {}),
  name: 'op',
  attributes: Object.entries(attributes).map(([key, value]) => ({ key, value: { stringValue: value } })),
});

describe('measured calls for cloudready split --calls', () => {
  it('reads a CSV of caller,callee,count (header in any case, BOM and blank lines allowed)', async () => {
    const root = await makeTree({
      'calls.csv':
        '\uFEFFCaller,Callee,Count\ncom.acme.order.OrderService,com.acme.catalog.CatalogService,120\n\ncom.acme.billing.BillingService,com.acme.order.OrderService,7\n',
    });
    expect(await readRuntimeCalls(path.join(root, 'calls.csv'))).toEqual([
      { caller: 'com.acme.order.OrderService', callee: 'com.acme.catalog.CatalogService', count: 120 },
      { caller: 'com.acme.billing.BillingService', callee: 'com.acme.order.OrderService', count: 7 },
    ]);
  });

  it('names the file and line of a bad row, a missing column or an unterminated quote', async () => {
    const root = await makeTree({
      'count.csv': 'caller,callee,count\na,b,1\na,c,many\n',
      'header.csv': 'from,to,count\na,b,1\n',
      'quote.csv': 'caller,callee,count\n"a,b,1\n',
      'zero.csv': 'caller,callee,count\na,b,0\n',
    });
    await expect(readRuntimeCalls(path.join(root, 'count.csv'))).rejects.toThrow(/count\.csv:3: count is not a number/);
    await expect(readRuntimeCalls(path.join(root, 'header.csv'))).rejects.toThrow(
      /header\.csv:1: the header must name caller, callee and count/,
    );
    await expect(readRuntimeCalls(path.join(root, 'quote.csv'))).rejects.toThrow(
      /quote\.csv(:\d+)?: not a CSV of calls/,
    );
    await expect(readRuntimeCalls(path.join(root, 'zero.csv'))).rejects.toThrow(
      /zero\.csv:2: count is not a positive number/,
    );
    await expect(readRuntimeCalls(path.join(root, 'missing.csv'))).rejects.toThrow(/missing\.csv: no such file/);
  });

  it('counts parent→child span pairs of two classes in an OpenTelemetry (OTLP JSON) export', async () => {
    const spans = [
      span('1', undefined, { 'code.namespace': 'com.acme.order.OrderController' }),
      span('2', '1', { 'code.namespace': 'com.acme.order.OrderService' }),
      span('3', '2', { 'code.function.name': 'com.acme.catalog.CatalogService.reserve' }),
      span('4', '2', { 'code.function.name': 'com.acme.catalog.CatalogService.price' }),
      // A call within one class, and a span without code attributes (an HTTP client span), count nothing.
      span('5', '2', { 'code.namespace': 'com.acme.order.OrderService' }),
      span('6', '2', { 'http.method': 'GET' }),
    ];
    const otlp = {
      resourceSpans: [
        { resource: { attributes: [] }, scopeSpans: [{ scope: { name: 'io.opentelemetry.spring' }, spans }] },
      ],
    };
    const root = await makeTree({
      'spans.json': JSON.stringify(otlp),
      'broken.json': '{"resourceSpans": [',
      'other.json': '{"resourceSpans": 3}',
    });
    expect(await readRuntimeCalls(path.join(root, 'spans.json'))).toEqual([
      { caller: 'com.acme.order.OrderController', callee: 'com.acme.order.OrderService', count: 1 },
      { caller: 'com.acme.order.OrderService', callee: 'com.acme.catalog.CatalogService', count: 2 },
    ]);
    await expect(readRuntimeCalls(path.join(root, 'broken.json'))).rejects.toThrow(/broken\.json: not JSON/);
    await expect(readRuntimeCalls(path.join(root, 'other.json'))).rejects.toThrow(
      /other\.json: not an OpenTelemetry span export: resourceSpans/,
    );
  });
});

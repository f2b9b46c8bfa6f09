import type { ScanResult } from '../src/result/schema.js';

export function replicate(result: ScanResult, copies: number): ScanResult;

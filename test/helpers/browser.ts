import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (apt-get install chromium); .ci/run installs it. */
export const CHROMIUM = process.env.CLOUDREADY_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);

/**
 * Without the browser the browser tests are skipped on a developer's machine, and fail in CI
 * (CI=true), where .ci/run must have installed it.
 */
export function requireChromium(): boolean {
  if (!hasChromium && process.env.CI)
    throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium for the browser tests`);
  if (!hasChromium) console.warn(`browser tests skipped: no ${CHROMIUM} (apt-get install chromium)`);
  return hasChromium;
}

/** Headless, offline: no background connections, no first-run or update traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

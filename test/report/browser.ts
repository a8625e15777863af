// Headless Chromium from the system (Debian's chromium-headless-shell or chromium), driven by
// playwright-core: nothing is downloaded. .ci/run installs the package when it is missing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string {
  const env = process.env.DTI_CHROMIUM;
  if (env !== undefined && env !== '') return env;
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found === undefined) {
    throw new Error('no Chromium found: apt-get install -y chromium-headless-shell (or set DTI_CHROMIUM to its path); .ci/run installs it');
  }
  return found;
}

export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Browser { context: BrowserContext; close(): Promise<void> }

/** A fresh browser with its own user-data-dir (removed on close). */
export async function launch(opts: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean } = {}): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), 'dti-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    args: FLAGS,
    viewport: opts.viewport ?? { width: 1200, height: 900 },
    deviceScaleFactor: 1,
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

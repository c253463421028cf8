// Server bench, step 3: from projects.create to the first code on screen in Chromium, on a project
// page opened right after the call.
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../chromium';
import { followStream, type BenchClient } from './bench-client';
import { withMarkers } from './bench-responder';
import type { Row } from './results-file';
import { ITERATION_PROMPT } from './server-iteration';
import { formatMs, formatP50P95 } from './stats';

const BROWSER_SAMPLES = 5;

export async function measureFirstCodeVisible(client: BenchClient, baseUrl: string, rows: Row[], notes: string[]) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_EXECUTABLE,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    // A returning visitor: the app's scripts are in the browser cache, as after /ask.
    await page.goto(`${baseUrl}/`, { waitUntil: 'load', timeout: 60_000 });
    const samples: number[] = [];
    let firstVisitMs = 0;
    for (let index = 0; index <= BROWSER_SAMPLES; index++) {
      const started = Date.now();
      const created = await client.projects.create.mutate({ prompt: withMarkers(ITERATION_PROMPT, { key: `browser-${index}` }) });
      await page.goto(`${baseUrl}/projects/${created.projectId}`, { waitUntil: 'commit', timeout: 30_000 });
      const visibleAt = await page.waitForFunction(
        () => {
          const text = document.querySelector('[data-testid="code-view"]')?.textContent ?? '';
          return text.trim().length > 0 ? Date.now() : false;
        },
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
      const ms = Number(await visibleAt.jsonValue()) - started;
      // Sample 0 warms the project page's own scripts; it is not counted.
      if (index > 0) samples.push(ms);
      else firstVisitMs = ms;
      await client.versions.stop.mutate({ versionId: created.versionId });
      const followed = await followStream(client, created.versionId, { timeoutMs: 30_000 });
      if (followed.terminal?.type !== 'error') throw new Error(`the stopped browser sample ended with ${followed.terminal?.type}`);
    }
    rows.push(['create → first code visible in Chromium (p50 / p95)', formatP50P95(samples), '< 3 s']);
    notes.push(
      `First code visible: from the projects.create call (80 tokens/s, first token after 400 ms) to a non-empty ` +
        `[data-testid=code-view] in a page opened on /projects/<id> right after it; the version is then stopped. One browser ` +
        `context that has loaded / before; the first project page visit (its scripts not yet cached, the route's first ` +
        `server render) took ${formatMs(firstVisitMs)} and is not counted.`,
    );
  } finally {
    await browser.close();
  }
}

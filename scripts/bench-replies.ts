/**
 * Part of `npm run bench:e2e`: what checking the replies under the school's post costs while the
 * administrator scrolls a long conversation. The stand-in's post page with `?replies=N` (one reply
 * in ten names a pupil) is opened in the same two browsers as the keystroke benchmark (without the
 * extension, and with it and the 2,000-pupil roster) and scrolled to the end 400 px per frame.
 * Measured per pass from Chromium's own counters for the tab's renderer (CDP Performance.getMetrics
 * TaskDuration: main-thread busy time, the content script's isolated world included) from just
 * before the conversation opens to a second after the end of the scroll, and the frame-to-frame
 * intervals during the scroll. The extension's cost per 100 replies is the difference in busy time.
 * BENCH_REPLY_PASSES (default 4) passes per browser after a warm-up, interleaved.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { ChromiumSession } from '../tests/e2e/support/chromium';

const REPLIES = 500;
/** Scrolling passes are short: more of them than of the typing passes. */
const PASSES = Math.max(1, Number(process.env.BENCH_REPLY_PASSES ?? 4));

interface ScrollRun {
  busyMs: number;
  frameIntervals: number[];
  /** What the reply panel says (guarded only): the replies it listed. */
  flagged: number | null;
}

/** The renderer's main-thread busy time so far, from a DevTools session that has collected since it was enabled. */
async function busyMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
}

async function panelCount(page: Page): Promise<number | null> {
  const frame = page.frames().find((candidate) => candidate.url().includes('/src/reply-panel/index.html#'));
  if (!frame) return null;
  const heading = await frame.locator('h1').textContent();
  return Number(/(\d+)\s*$/.exec(heading ?? '')?.[1] ?? 0);
}

async function scrollConversation(session: ChromiumSession): Promise<ScrollRun> {
  const page = await session.context.newPage();
  try {
    // Home first, then X's router to the post page: the same renderer process throughout, so its counters carry on.
    await page.goto(`https://x.com/home?as=PrimaryRedbourn&replies=${REPLIES}`);
    await page.locator('[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]').waitFor();
    // One session for the whole pass: the counters start when it enables them.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = await busyMs(cdp);
    await page.evaluate(() => window.__xFixture?.navigate('/PrimaryRedbourn/status/1'));
    await page.locator('article[data-testid="tweet"]').nth(REPLIES).waitFor();
    const frameIntervals = await page.evaluate(async () => {
      const intervals: number[] = [];
      let last = performance.now();
      for (;;) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const now = performance.now();
        intervals.push(now - last);
        last = now;
        const bottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
        if (bottom) return intervals;
        window.scrollBy(0, 400);
      }
    });
    // The guard checks in idle time: let it finish, then read the counters.
    await page.waitForTimeout(1000);
    const after = await busyMs(cdp);
    await cdp.detach();
    return { busyMs: after - before, frameIntervals, flagged: await panelCount(page) };
  } finally {
    await page.close();
  }
}

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const median = (values: readonly number[]) => percentile(values, 50);

/** Runs the passes interleaved (baseline, guarded, …) and returns the markdown section and any sanity problems. */
export async function benchReplyScrolling(sessions: Record<'baseline' | 'guarded', ChromiumSession>): Promise<{ markdown: string[]; problems: string[] }> {
  const runs: Record<'baseline' | 'guarded', ScrollRun[]> = { baseline: [], guarded: [] };
  for (let pass = 0; pass < PASSES + 1; pass++) {
    for (const label of ['baseline', 'guarded'] as const) {
      const run = await scrollConversation(sessions[label]);
      console.log(`  ${label} · ${REPLIES} replies scrolled · pass ${pass}${pass === 0 ? ' (warm-up)' : ''}: busy ${run.busyMs.toFixed(0)} ms, ${run.frameIntervals.length} frames, panel ${run.flagged ?? 'none'}`);
      if (pass > 0) runs[label].push(run);
    }
  }
  const row = (label: string, list: ScrollRun[]) => {
    const intervals = list.flatMap((run) => run.frameIntervals);
    return `| ${label} | ${median(list.map((run) => run.busyMs)).toFixed(0)} | ${median(intervals).toFixed(1)} / ${percentile(intervals, 95).toFixed(1)} | ${list.map((run) => run.flagged ?? '–').join(', ')} |`;
  };
  const extra = median(runs.guarded.map((run) => run.busyMs)) - median(runs.baseline.map((run) => run.busyMs));
  const problems: string[] = [];
  const expected = Math.floor((REPLIES + 6) / 10);
  for (const run of runs.guarded) if (run.flagged === null || run.flagged < expected * 0.9) problems.push(`replies: the guarded panel listed ${run.flagged ?? 'nothing'}, expected about ${expected} (is the roster's Grace a pupil?)`);
  for (const run of runs.baseline) if (run.flagged !== null) problems.push('replies: a reply panel without the extension');
  return {
    problems,
    markdown: [
      `### Checking replies while scrolling: the school's post with ${REPLIES} replies (one in ten names a pupil), scrolled 400 px per frame`,
      '',
      '| Extension | Main-thread busy, open + scroll + 1 s (ms, median) | Frame interval while scrolling p50 / p95 (ms) | Replies listed in the panel |',
      '|---|---:|---:|---:|',
      row('none (baseline)', runs.baseline),
      row('School Post Guard', runs.guarded),
      '',
      `Cost of checking replies: **${(extra / (REPLIES / 100)).toFixed(1)} ms of main-thread time per 100 replies** (${extra.toFixed(0)} ms for ${REPLIES}, the median difference of ${PASSES} interleaved passes), spent in idle-time slices of at most a few ms.`,
    ],
  };
}

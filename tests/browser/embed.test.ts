/**
 * Embeds in Chromium: an embed inside a host page served from another local port sizes itself
 * through /embed.js; at 280, 600 and 1200 px nothing overflows and the chart is redrawn to the
 * width; per-facility variants, bad parameters and unknown charts give clear messages; a pinned
 * embed shows the older release's figures and says newer data exist; the images exist, are not
 * blank and state their source; the "Embed and cite" panel hands out working code; oEmbed.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, offOrigin, openPage, startSite, type Site } from './harness';
import { chartRows, frameworkJs, lineTip, pressOn, rowTip, shownChart, splitLineTip, times } from './chart-tips';
import { COLUMN_WIDTH, iframeHeight, snippets } from '../../src/lib/embed/snippets';
import { fetchChart } from '../../src/lib/charts/chart-file';
import { MAX_SCALE, shownDrawing } from '../../src/lib/charts/widths';

const BUILD = process.env.BUILD_DIR ?? 'build';
const release = (JSON.parse(readFileSync('data/datapackage.json', 'utf8')) as { version: string }).version;

// A fixture release, placed in the build before the server starts (it indexes the files once):
// this release's archive of a chart with its text changed.
const FIXTURE_RELEASE = '2020-01-01';
const FIXTURE_ALT = 'Fixture release: 12,345 people in the last month.';
const fixtureDir = join(BUILD, 'data/releases', FIXTURE_RELEASE);

let site: Site;
let host: Server;
let hostOrigin = '';
beforeAll(async () => {
  const current = JSON.parse(readFileSync(join(BUILD, 'data/releases', release, 'ice-national-monthly.json'), 'utf8'));
  mkdirSync(fixtureDir, { recursive: true });
  writeFileSync(join(fixtureDir, 'ice-national-monthly.json'), JSON.stringify({ ...current, release: FIXTURE_RELEASE, alt: FIXTURE_ALT }));
  site = await startSite();
  // The advocate's page: another origin, an iframe with our script, and a script embed.
  const page = `<!doctype html><html lang="en"><head><title>Host</title></head><body>
    <h1>An advocate's report</h1>
    <iframe id="plain" src="${site.origin}/embed/ice-national-monthly/" title="ICE detention by month" width="100%" height="480" style="border:0"></iframe>
    <div id="scripted" data-detention-chart="facility-adp" data-facility="stwrtga"></div>
    <script src="${site.origin}/embed.js" async></script></body></html>`;
  host = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
  await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});
afterAll(async () => {
  rmSync(fixtureDir, { recursive: true, force: true });
  await site?.close();
  await new Promise((ok) => host?.close(ok));
});

describe('embeds', () => {
  it('size themselves inside a page on another origin, and ask nothing of it', async () => {
    const { page, requests, errors, close } = await openPage(site, { width: 800 });
    await page.goto(hostOrigin + '/');
    const fits = async (sel: string) => {
      const frame = page.frameLocator(sel);
      await frame.locator('figure svg:visible').first().waitFor();
      // The frame's height follows the embed's content (its main element and the body's margin).
      await expect.poll(async () => {
        const outer = await page.locator(sel).evaluate((f) => f.getBoundingClientRect().height);
        const inner = await frame.locator('main').evaluate((m) => m.getBoundingClientRect().bottom + parseFloat(getComputedStyle(document.body).marginBottom));
        return Math.abs(outer - inner);
      }, { timeout: 10_000 }).toBeLessThanOrEqual(2);
      return page.locator(sel).evaluate((f) => f.getBoundingClientRect().height);
    };
    const plain = await fits('#plain');
    expect(plain).not.toBe(480);
    await fits('#scripted iframe');
    await expect.poll(() => page.frameLocator('#scripted iframe').locator('h1').textContent()).toContain('STEWART');
    expect(offOrigin(requests, site.origin).filter((u) => !u.startsWith(hostOrigin + '/'))).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('ship no framework: a chart without parameters is all in the page, a ?facility= one comes from the embed island, answers keys and reports its height', async () => {
    const { page, requests, errors, close } = await openPage(site, { width: 600 });
    await page.goto(site.origin + '/embed/ice-national-monthly/', { waitUntil: 'networkidle' });
    expect(frameworkJs(requests)).toEqual([]);
    expect(requests.filter((u) => u.includes('/_app/immutable/islands/'))).toEqual([]);
    const plain = shownChart(page.locator('main'));
    const monthly = await chartRows(site.origin, 'ice-national-monthly');
    await pressOn(page, plain.svg, 'End');
    await expect.poll(async () => splitLineTip(await plain.status.textContent())).toEqual(lineTip('ice-national-monthly', monthly, times('ice-national-monthly', monthly).at(-1)!));

    // In a frame of another origin: the island draws the facility's chart and the frame hears its height.
    const frameHost = createServer((_, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en"><head><title>Host</title></head><body>
        <iframe id="f" src="${site.origin}/embed/facility-adp/?facility=stwrtga" title="Facility" width="600" height="100" style="border:0"></iframe>
        <script>addEventListener('message', (e) => { if (e.data && e.data.type === 'detention-dashboard:embed-height') document.body.dataset.height = e.data.height; });</script></body></html>`),
    );
    await new Promise<void>((ok) => frameHost.listen(0, '127.0.0.1', ok));
    const before = requests.length;
    await page.goto(`http://127.0.0.1:${(frameHost.address() as AddressInfo).port}/`);
    const frame = page.frameLocator('#f');
    const drawn = shownChart(frame.locator('main'));
    await drawn.svg.waitFor();
    const after = requests.slice(before);
    expect(frameworkJs(after)).toEqual([]);
    expect(after.some((u) => /\/_app\/immutable\/islands\/embed-[\w-]+\.js$/.test(u))).toBe(true);
    expect(after.some((u) => u.endsWith('/charts/facility-adp--stwrtga.json'))).toBe(true);
    const rows = await chartRows(site.origin, 'facility-adp--stwrtga');
    await pressOn(page, drawn.svg, 'ArrowDown');
    await expect.poll(() => drawn.status.textContent()).toBe(rowTip('facility-adp', rows[0]!));
    // The height it reports is its content's, as it is now (the tooltip line may have grown it).
    // (Focusing the chart scrolled the 100-px frame: the content's bottom is in the document's coordinates.)
    const content = () => frame.locator('main').evaluate((m) => Math.ceil(m.getBoundingClientRect().bottom + window.scrollY + parseFloat(getComputedStyle(document.body).marginBottom)));
    await expect.poll(async () => (await page.evaluate(() => Number(document.body.dataset.height))) - (await content())).toBe(0);
    expect(await content()).toBeGreaterThan(200);
    expect(errors).toEqual([]);
    await new Promise((ok) => frameHost.close(ok));
    await close();
  });

  it('fit 280, 600 and 1200 px without horizontal scroll, drawn for the width, and pass axe', async () => {
    for (const width of [280, 600, 1200]) {
      const { page, requests, close } = await openPage(site, { width });
      await page.goto(site.origin + '/embed/ice-national-monthly/');
      await page.locator('figure svg:visible').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width}px`).toBeLessThanOrEqual(width);
      // The drawing shown is the one made for about this width (prerendered at several; a container
      // query picks it, no script): scaled by 11/12 to MAX_SCALE of its size, so its 12-unit text stays 11–16.5 px.
      const scale = await page.locator('figure svg:visible').first().evaluate((s) => s.getBoundingClientRect().width / Number(s.getAttribute('viewBox')?.split(' ')[2]));
      expect(scale, `${width}px`).toBeGreaterThanOrEqual(11 / 12 - 0.01);
      expect(scale, `${width}px`).toBeLessThanOrEqual(MAX_SCALE + 0.01);
      await expect.poll(() => page.locator('figcaption').textContent()).toContain('Source:');
      await expect.poll(() => page.locator('[data-release]').textContent()).toBe(release);
      expect(await axe(page)).toEqual([]);
      expect(offOrigin(requests, site.origin)).toEqual([]);
      await close();
    }
    // Resizing shows the drawing for the new width.
    const { page, close } = await openPage(site, { width: 1200 });
    await page.goto(site.origin + '/embed/ice-national-monthly/');
    const shown = () => page.locator('figure svg:visible').first().evaluate((s) => ({ drawn: Number(s.getAttribute('viewBox')?.split(' ')[2]), box: s.closest('.plot')!.clientWidth }));
    const wide = await shown();
    await page.setViewportSize({ width: 400, height: 800 });
    await expect.poll(async () => ((s) => s.drawn === shownDrawing(s.box).width && s.drawn < wide.drawn)(await shown())).toBe(true);
    await close();
  });

  it('explain a missing or unknown facility, a malformed release and an unknown chart in the frame', async () => {
    const { page, errors, close } = await openPage(site);
    const says = async (path: string, text: string | RegExp) => {
      await page.goto(site.origin + path);
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(text);
    };
    await says('/embed/facility-adp/', /drawn for one facility: add \?facility=/);
    await says('/embed/facility-adp/?facility=no-such-place', /not drawn for facility “no-such-place”/);
    await says('/embed/facility-adp/?facility=%3Cscript%3E', /is not a facility id/);
    await says('/embed/ice-national-monthly/?release=latest', /not a data release/);
    const r = await page.goto(site.origin + '/embed/no-such-chart/');
    expect(r?.status()).toBe(404);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('no chart named “no-such-chart”');
    expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
    await close();
  });

  it('pinned to an earlier release, shows that release’s figures and says newer data exist', async () => {
    const { page, close } = await openPage(site);
    await page.goto(site.origin + `/embed/ice-national-monthly/?release=${FIXTURE_RELEASE}`);
    await expect.poll(() => page.getByRole('note').textContent()).toMatch(new RegExp(`release ${FIXTURE_RELEASE}.*Newer data are available \\(release ${release}\\)`, 's'));
    await expect.poll(() => page.locator('[data-release]').textContent()).toBe(FIXTURE_RELEASE);
    await expect.poll(() => page.locator('figure').getByRole('img', { name: FIXTURE_ALT, exact: true }).count()).toBe(1);
    await page.goto(site.origin + `/embed/ice-national-monthly/?release=${release}`);
    await page.locator('figure svg:visible').first().waitFor();
    await expect.poll(() => page.getByRole('note').count()).toBe(0);
    await close();
  });
});

describe('chart images and oEmbed', () => {
  it('serves SVG and PNG images that state the source and are not blank', async () => {
    const svg = await (await fetch(`${site.origin}/charts/ice-national-monthly.svg`)).text();
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Source:');
    const { page, close } = await openPage(site);
    await page.goto(site.origin + '/embed/');
    const png = await page.evaluate(async (url) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i]! < 100 && px[i + 1]! < 100 && px[i + 2]! < 100) dark++;
      return { w: c.width, h: c.height, dark };
    }, `${site.origin}/charts/ice-national-monthly.png`);
    expect(png).toMatchObject({ w: 1200, h: 675 });
    expect(png.dark).toBeGreaterThan(2000);
    await close();
  });

  it('answers oEmbed for a chart, and pages point to it', async () => {
    const o = (await (await fetch(`${site.origin}/oembed/facility-adp--stwrtga.json`)).json()) as Record<string, unknown>;
    const chart = (await fetchChart(site.origin, 'facility-adp--stwrtga'))!;
    expect(o).toMatchObject({ version: '1.0', type: 'rich', width: COLUMN_WIDTH, height: iframeHeight(chart) });
    // Absolute (oembed.com 2.3.4): under SITE_URL, or npm start's address in a local build.
    expect(String(o.html)).toMatch(/^<iframe src="https?:\/\/[^"/]+\/embed\/facility-adp\/\?facility=stwrtga"/);
    for (const k of ['url', 'provider_url', 'thumbnail_url']) expect(String(o[k]), k).toMatch(/^https?:\/\//);
    expect(String(o.title)).toContain('STEWART');
    const html = await (await fetch(`${site.origin}/facilities/stwrtga/`)).text();
    expect(html).toContain('type="application/json+oembed" href="/oembed/facility-adp--stwrtga.json"');
  });

  it('hands out embed code with this site’s address from “Embed and cite”, and copies it', async () => {
    for (const js of [true, false]) {
      const { page, close } = await openPage(site, { javaScriptEnabled: js });
      if (js) await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
      await page.goto(site.origin + '/facilities/stwrtga/');
      const panel = page.locator('#chart-facility-adp details.embed-panel');
      await panel.locator('summary').click();
      const code = await panel.locator('textarea').first().inputValue();
      if (js) {
        const chart = (await fetchChart(site.origin, 'facility-adp--stwrtga'))!;
        // The first code offered is the self-sizing one: the iframe, as tall as a 640-px column needs, then /embed.js.
        expect(code).toBe(`<iframe src="${site.origin}/embed/facility-adp/?facility=stwrtga" title="${await page.locator('#chart-facility-adp .title').textContent()}" width="100%" height="${iframeHeight(chart)}" style="border:0;display:block" loading="lazy"></iframe>\n<script src="${site.origin}/embed.js" async></script>`);
        await panel.getByRole('button', { name: 'Copy' }).first().click();
        await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(code);
        await panel.locator('iframe.preview').waitFor();
        await expect(panel.locator('iframe.preview').getAttribute('width')).resolves.toBe('320');
        await page.frameLocator('#chart-facility-adp iframe.preview').locator('figure svg:visible').first().waitFor();
      } else {
        expect(code).toContain('src="/embed/facility-adp/?facility=stwrtga"');
        await expect.poll(() => panel.getByRole('button', { name: 'Copy' }).count()).toBe(0);
      }
      await close();
    }
  });
});

describe('pasted embed code on another site', () => {
  /** Serves one host page (another origin than the site's) and closes it after. */
  async function hostPage(html: string): Promise<{ origin: string; close: () => Promise<void> }> {
    const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((ok) => server.close(() => ok())) };
  }
  const chartJson = async (key: string) => (await fetchChart(site.origin, key))!;
  /** How far the embed's source line is from being seen: its bottom below the frame's, in px (≤ 0 when the whole line shows). */
  const sourceHidden = (page: import('playwright-core').Page) =>
    page.frameLocator('iframe').locator('figcaption').evaluate((f) => f.getBoundingClientRect().bottom - window.innerHeight);

  it('the default code (the tallest chart, ICE by state) shows the whole chart and its source line at 320, 640, 768 and 1280 px', async () => {
    const chart = await chartJson('ice-by-state');
    const host = await hostPage(`<!doctype html><html lang="en"><head><title>Host</title></head><body><main style="max-width:640px;margin:0 auto"><h1>Report</h1>${snippets(chart, site.origin).embed}<p>After the chart.</p></main></body></html>`);
    for (const width of [320, 640, 768, 1280]) {
      const { page, errors, close } = await openPage(site, { width });
      await page.goto(host.origin + '/');
      await page.frameLocator('iframe').locator('figure svg:visible').first().waitFor();
      await expect.poll(() => sourceHidden(page), { timeout: 10_000 }).toBeLessThanOrEqual(0);
      // Nothing scrolls inside the frame: the frame is as tall as the embed.
      expect(await page.frameLocator('iframe').locator('html').evaluate((h) => h.scrollHeight - window.innerHeight), `${width}px`).toBeLessThanOrEqual(1);
      await expect.poll(() => page.frameLocator('iframe').locator('figcaption').textContent()).toContain('Source:');
      expect(errors).toEqual([]);
      await close();
    }
    await host.close();
  });

  it('a plain iframe, without the script, is as tall as its chart needs in a 640-px column', async () => {
    const chart = await chartJson('ice-by-state');
    const host = await hostPage(`<!doctype html><html lang="en"><head><title>Host</title></head><body style="margin:0"><div style="width:640px">${snippets(chart, site.origin).iframe}</div></body></html>`);
    const { page, close } = await openPage(site, { width: 1000 });
    await page.goto(host.origin + '/');
    await page.frameLocator('iframe').locator('figure svg:visible').first().waitFor();
    expect(await page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height)).toBe(iframeHeight(chart));
    // Polled: until the embed's stylesheet applies, every prerendered drawing of the chart is laid out.
    await expect.poll(() => sourceHidden(page), { timeout: 10_000 }).toBeLessThanOrEqual(0);
    await close();
    await host.close();
    // The check sees the fault of issue 18: the old 480-px iframe hides the source line.
    const old = await hostPage(`<!doctype html><html lang="en"><head><title>Host</title></head><body style="margin:0"><div style="width:640px">${snippets(chart, site.origin).iframe.replace(/height="\d+"/, 'height="480"')}</div></body></html>`);
    const before = await openPage(site, { width: 1000 });
    await before.page.goto(old.origin + '/');
    // Once the stylesheet applies, one drawing of the chart shows (the one for the frame's width).
    await expect.poll(() => before.page.frameLocator('iframe').locator('figure svg[role=img]:visible').count()).toBe(1);
    expect(await sourceHidden(before.page)).toBeGreaterThan(0);
    await before.close();
    await old.close();
  });

  it('every chart’s heights (ChartData.embedHeights) cover its embed at 320, 480, 640 and 800 px, with at most 40 px to spare', async () => {
    const keys = ['ice-by-state', 'ice-top-facilities', 'ice-national-monthly', 'ice-national-annual', 'ice-national-daily', 'ice-currently-detained', 'ice-by-facility-type', 'covid-ice', 'covid-prisons', 'prisoners-national', 'prisoners-by-state', 'facility-adp--stwrtga', 'facility-daily--stwrtga', 'facility-releases--stwrtga', 'state-ice-adp--tx', 'state-prisoners--dc'];
    const off: string[] = [];
    for (const width of [320, 480, 640, 800]) {
      const { page, close } = await openPage(site, { width });
      for (const key of keys) {
        const chart = await chartJson(key);
        const [id, value] = key.split('--');
        await page.goto(`${site.origin}/embed/${id}/${value ? `?${Object.keys(chart.params)[0]}=${value}` : ''}`);
        await page.locator('figure svg:visible').first().waitFor();
        const measured = await page.evaluate(() => Math.ceil(document.querySelector('main')!.getBoundingClientRect().bottom + window.scrollY + parseFloat(getComputedStyle(document.body).marginBottom)));
        const given = chart.embedHeights[String(width)]!;
        if (given < measured || given > measured + 40) off.push(`${key} at ${width}px: measured ${measured}, given ${given}`);
      }
      await close();
    }
    expect(off).toEqual([]);
  });
});

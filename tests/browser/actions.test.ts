/**
 * Actions beside facilities and charts, in Chromium: a facility page's panel (its ICE field
 * office, the members of Congress for its ZIP, call scripts and letters filled with its figures,
 * one call script and one letter for the member the reader chooses), copy and mail with and
 * without JavaScript, and the "Act on this" panel under charts. Expected contacts and figures are
 * read from the committed data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { axe, offOrigin, openPage, sql, startSite, type Site } from './harness';
import { MEMBER_PLACEHOLDER } from '../../src/lib/actions/scripts';

let site: Site;
beforeAll(async () => (site = await startSite()));
afterAll(async () => site?.close());

/** Stewart's members of Congress as the data list them: its state's senators and its ZIP's representatives. */
const stewartMembers = async () => {
  const [f] = await sql<{ zip: string }>(`SELECT zip FROM 'data/facilities.parquet' WHERE facility_id = 'stwrtga'`);
  return sql<{ name: string; type: string; phone: string | null }>(`SELECT name, type, phone FROM 'data/legislators.parquet' l WHERE (type = 'sen' AND state = 'GA')
    OR (type = 'rep' AND (state, district) IN (SELECT (state, district) FROM 'data/zcta_districts.parquet' WHERE zcta = '${f!.zip}'))`);
};
const title = (m: { name: string; type: string }) => `${m.type === 'sen' ? 'Senator' : 'Representative'} ${m.name}`;
/** The members' call script or letter: its box, the member choice in it, and its text. */
const membersText = (panel: Locator, summary: string) => {
  const box = panel.locator('details[data-letter]', { has: panel.page().locator('summary', { hasText: summary }) });
  return { box, choice: box.locator('select'), text: box.locator('textarea') };
};

describe('facility page actions', () => {
  it('addresses Stewart’s field office and its members of Congress, with its figures, and copies the script', async () => {
    const [f] = await sql<{ name: string; population: number; zip: string; population_source: string }>(`SELECT name, round(population)::INT AS population, zip, population_source FROM 'data/facilities.parquet' WHERE facility_id = 'stwrtga'`);
    const [office] = await sql<{ office_name: string; phone: string }>(`SELECT office_name, phone FROM 'data/ice_field_offices.parquet' WHERE aor_code = (SELECT aor FROM 'data/ice_facilities.parquet' WHERE facility_id = 'stwrtga')`);
    const members = await stewartMembers();
    expect(members).toHaveLength(3);

    const { page, requests, errors, close } = await openPage(site);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await page.goto(site.origin + '/facilities/stwrtga/');
    const panel = page.locator('#actions');
    await expect.poll(() => panel.getByText(office!.office_name).count()).toBeGreaterThan(0);
    await expect.poll(() => panel.locator(`a[href^="tel:"]`, { hasText: office!.phone }).count()).toBe(1);
    const listed = await panel.locator('ul.members li strong').allTextContents();
    expect(listed).toHaveLength(3);
    for (const m of members) expect(listed.some((t) => t.includes(m.name))).toBe(true);

    // The call script: the facility, its latest population and the workbook cell it comes from.
    await panel.getByText('Call the ICE field office: ask for release').click();
    const box = panel.locator('details[open][data-letter]').first();
    const script = await box.locator('textarea').inputValue();
    // Read aloud: the name in normal case, the figure in words; the workbook cell on its own line under the script.
    expect(script.toLowerCase()).toContain(f!.name.toLowerCase());
    expect(script).toContain(f!.population.toLocaleString('en-US'));
    expect(f!.population_source).toMatch(/^ICE Detention Statistics: .*detentionstats.*row \d+$/i);
    expect(script).not.toContain(f!.population_source);
    await expect.poll(() => box.locator('[data-source]').textContent()).toContain(f!.population_source);
    await box.getByRole('button', { name: 'Copy' }).click();
    // The status follows the clipboard's promise: poll, don't read once.
    await expect.poll(() => box.getByRole('status').textContent()).toBe('Copied.');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(script);

    // A letter: edited text goes into the mail link.
    await panel.getByText('Write to the ICE field office: release and free calls').click();
    const letter = panel.locator('details[open][data-letter]').nth(1);
    await letter.locator('textarea').fill('My own words about Stewart.');
    const href = await letter.locator('a[data-mail]').getAttribute('href');
    expect(href).toMatch(/^mailto:Atlanta\.Outreach@ice\.dhs\.gov\?subject=/i);
    expect(decodeURIComponent(href!.split('body=')[1]!)).toBe('My own words about Stewart.');

    expect(offOrigin(requests, site.origin)).toEqual([]);
    expect(errors).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await close();
  });

  it('gives one call script and one letter for the members, filled with the member the reader chooses', async () => {
    const [f] = await sql<{ population: number }>(`SELECT round(population)::INT AS population FROM 'data/facilities.parquet' WHERE facility_id = 'stwrtga'`);
    const members = await stewartMembers();
    const phoned = members.filter((m) => m.phone);
    expect(phoned.length).toBeGreaterThan(1);
    const { page, errors, close } = await openPage(site);
    await page.goto(site.origin + '/facilities/stwrtga/');
    const panel = page.locator('#actions');
    // One text each, not one per member.
    await expect.poll(() => panel.locator('summary', { hasText: 'Call your members of Congress' }).count()).toBe(1);
    await expect.poll(() => panel.locator('summary', { hasText: 'Write to your members of Congress' }).count()).toBe(1);

    // The call: every member with a phone to choose from, the first chosen, its name in the script with the facility's figures.
    const call = membersText(panel, 'Call your members of Congress');
    await call.box.locator('summary').click();
    await expect.poll(() => call.choice.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(expect.arrayContaining(phoned.map(title)));
    expect(await call.choice.locator('option').count()).toBe(phoned.length);
    for (const m of phoned) expect(await call.choice.locator('option', { hasText: title(m) }).textContent()).toContain(m.phone!);
    const first = await call.choice.inputValue();
    expect(first).toBe(await call.choice.locator('option').first().getAttribute('value'));
    await expect.poll(() => call.text.inputValue()).toContain(`I ask ${first} to `);
    let script = await call.text.inputValue();
    expect(script).not.toContain(MEMBER_PLACEHOLDER);
    expect(script).toContain(f!.population.toLocaleString('en-US'));
    await expect.poll(() => panel.getByLabel('Calling').count()).toBe(1);
    // Chosen from the keyboard: another member's name replaces the first's.
    await call.choice.focus();
    await page.keyboard.press('ArrowDown');
    const second = await call.choice.inputValue();
    expect(second).not.toBe(first);
    await expect.poll(() => call.text.inputValue()).toContain(`I ask ${second} to `);
    script = await call.text.inputValue();
    expect(script).not.toContain(first);

    // The letter: the salutation and the mail link follow the choice.
    const letter = membersText(panel, 'Write to your members of Congress');
    await letter.box.locator('summary').click();
    expect(await letter.choice.locator('option').count()).toBe(members.length);
    const chosen = await letter.choice.inputValue();
    expect(chosen).toBe(await letter.choice.locator('option').first().getAttribute('value'));
    await expect.poll(async () => (await letter.text.inputValue()).startsWith(`Dear ${chosen},\n`)).toBe(true);
    const other = members.map(title).find((t) => t !== chosen)!;
    await letter.choice.selectOption(other);
    await expect.poll(async () => (await letter.text.inputValue()).startsWith(`Dear ${other},\n`)).toBe(true);
    expect(await letter.text.inputValue()).not.toContain(chosen);
    const href = await letter.box.locator('a[data-mail]').getAttribute('href');
    expect(decodeURIComponent(href!.split('body=')[1]!)).toBe(await letter.text.inputValue());
    expect(errors).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await close();
  });

  it('without JavaScript: the scripts are there to edit and the mail link carries the letter; copy and print stay hidden', async () => {
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/facilities/stwrtga/');
    const panel = page.locator('#actions');
    await expect.poll(() => panel.locator('textarea').count()).toBeGreaterThanOrEqual(4);
    await expect.poll(() => panel.getByRole('button', { name: 'Copy' }).count()).toBe(0);
    const href = await panel.locator('a[data-mail]').first().getAttribute('href');
    expect(decodeURIComponent(href!)).toContain('Stewart Detention Center');
    // The members' texts say plainly where the name goes, under the list; no choice that would do nothing.
    for (const summary of ['Call your members of Congress', 'Write to your members of Congress']) {
      const { box, choice, text } = membersText(panel, summary);
      await box.locator('summary').click();
      expect(await text.inputValue()).toContain(MEMBER_PLACEHOLDER);
      expect(await choice.isVisible()).toBe(false);
      await expect.poll(() => box.locator('[data-member-hint]').isVisible()).toBe(true);
      expect(await box.locator('[data-member-hint]').textContent()).toContain(MEMBER_PLACEHOLDER);
      expect((await panel.locator('ul.members').boundingBox())!.y).toBeLessThan((await box.boundingBox())!.y);
    }
    const letter = membersText(panel, 'Write to your members of Congress');
    expect((await letter.text.inputValue()).startsWith(`Dear ${MEMBER_PLACEHOLDER},`)).toBe(true);
    expect(decodeURIComponent((await letter.box.locator('a[data-mail]').getAttribute('href'))!)).toContain(`Dear ${MEMBER_PLACEHOLDER},`);
    await close();
  });

  it('lists every district of a facility ZIP that spans two, and says so', async () => {
    const [f] = await sql<{ facility_id: string; zip: string }>(`SELECT facility_id, zip FROM 'data/facilities.parquet' WHERE facility_id = 'ccasdca'`);
    const districts = await sql<{ d: string }>(`SELECT state || '-' || district AS d FROM 'data/zcta_districts.parquet' WHERE zcta = '${f!.zip}' ORDER BY 1`);
    expect(districts.length).toBe(2);
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(`${site.origin}/facilities/${f!.facility_id}/`);
    const reps = await page.locator('#actions ul.members li[data-district]:not([data-district=""])').evaluateAll((els) => els.map((e) => e.getAttribute('data-district')));
    expect(reps.sort()).toEqual(districts.map((d) => d.d));
    await expect.poll(() => page.locator('#actions .note').textContent()).toContain('spans 2 congressional districts');
    await close();
  });
});

describe('an office ICE lists without a phone', () => {
  it('gets no call script on the facility page: the letter, and a note that the source has no number', async () => {
    const [f] = await sql<{ facility_id: string; office_name: string; email: string }>(`
      SELECT f.facility_id, o.office_name, o.outreach_email AS email FROM 'data/facilities.parquet' f
      JOIN 'data/ice_facilities.parquet' i ON i.facility_id = f.ice_facility_id JOIN 'data/ice_field_offices.parquet' o ON o.aor_code = i.aor
      WHERE o.phone IS NULL AND f.status = 'holding people' ORDER BY f.population DESC, f.facility_id LIMIT 1`);
    expect(f, 'a facility that held people, under an office ICE lists without a phone').toBeDefined();
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(`${site.origin}/facilities/${f!.facility_id}/`);
    const panel = page.locator('#actions');
    await expect.poll(() => panel.locator('summary', { hasText: 'Call the ICE field office' }).count()).toBe(0);
    await expect.poll(() => panel.locator('summary', { hasText: 'Write to the ICE field office' }).count()).toBe(1);
    await expect.poll(() => panel.locator('[data-no-phone]').textContent()).toMatch(new RegExp(`No call script for the ${f!.office_name}: .*lists no phone number`));
    await close();
  });
});

describe('Act on this', () => {
  it('sits under every chart on /charts/, pointing to /near/ and the groups', async () => {
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/charts/');
    const charts = await page.locator('figure.chart').count();
    expect(charts).toBeGreaterThan(5);
    await expect.poll(() => page.locator('figure.chart div.act a[href="/near/"]').count()).toBe(charts);
    await expect.poll(() => page.locator('figure.chart div.act a[href="https://www.detentionwatchnetwork.org/"]').count()).toBe(charts);
    await close();
  });

  it('points a facility chart to that facility’s actions', async () => {
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/facilities/stwrtga/');
    await expect.poll(() => page.locator('#chart-facility-adp div.act a[href="/facilities/stwrtga/#actions"]').count()).toBe(1);
    await close();
  });
});

// Issue 18: axe (every rule its default run has, WCAG 2.1 A and AA and best practices) finds
// nothing on every page and state of the tour (support/tour.ts), error pages included, in each
// language; on a desktop, and the header's menu open on a phone.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { contextFor, LANGUAGES, testEveryStop } from './support/tour';

const describe = (violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']) => violations.map((v) =>
  `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 4).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`).join('\n')}`).join('\n');

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => v.id), describe(violations)).toEqual([]);
}

const tour = testEveryStop((stop, language) => `${stop.name} (${language}): axe finds nothing`, { width: 1280, height: 800 }, expectNoViolations);

for (const language of LANGUAGES) {
  test(`the phone menu, open (${language}): axe finds nothing`, async ({ browser }) => {
    const context = await contextFor(browser, tour(), 'buyer', language);
    const page = await context.newPage();
    await page.goto('/');
    await page.locator('label[for="site-menu-toggle"]').click();
    await expect(page.locator('nav.site-nav')).toBeVisible();
    await expectNoViolations(page);
    await context.close();
  });
}

// Issue 18: every page fits a 320–430 px phone and a 1280 px desktop, shopper and admin, in
// each language: nothing scrolls sideways. Each stop of the tour (support/tour.ts) is measured
// at 390 × 844, then at 320 and 1280 wide (the same page, resized: it reflows in place).
import { expect, test, type Page } from '@playwright/test';
import { contextFor, LANGUAGES, testEveryStop } from './support/tour';

const WIDTHS = [390, 320, 1280];

/** What sticks out past the right edge, for the failure message: the outermost such elements. */
const overflow = (page: Page) => page.evaluate(() => {
  const width = window.innerWidth;
  const wide = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > width + 0.5);
  const outermost = wide.filter((el) => !wide.some((other) => other !== el && other.contains(el)));
  return {
    scrollWidth: document.documentElement.scrollWidth,
    width,
    culprits: outermost.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().replace(/\s+/g, '.')}` : ''} (right ${Math.round(el.getBoundingClientRect().right)})`),
  };
});

/** Measured at 390 × 844 as opened, then at 320 and 1280 wide (the same page, resized: it reflows in place). */
async function fitsEveryWidth(page: Page) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 844 });
    const measured = await overflow(page);
    if (measured.scrollWidth > measured.width) {
      const path = test.info().outputPath(`at-${width}px.png`);
      await page.screenshot({ path, fullPage: true });
      await test.info().attach(`at ${width} px`, { path, contentType: 'image/png' });
    }
    expect.soft(measured.scrollWidth, `${width} px: scrollWidth ${measured.scrollWidth}; wider than the screen: ${measured.culprits.join(', ')}`)
      .toBeLessThanOrEqual(measured.width);
  }
}

const tour = testEveryStop((stop, language) => `${stop.name} (${language}) fits 390, 320 and 1280 px`, { width: 390, height: 844 }, fitsEveryWidth);

for (const language of LANGUAGES) {
  test(`the header folds into a menu on a phone whose links all work (${language})`, async ({ browser }) => {
    const context = await contextFor(browser, tour(), 'buyer', language);
    const page = await context.newPage();
    await page.goto('/');
    const nav = page.locator('nav.site-nav');
    const toggle = page.locator('label[for="site-menu-toggle"]');
    await expect(nav).toBeHidden();
    await expect(toggle).toBeVisible();
    const hrefs = await nav.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(expect.arrayContaining(['/', '/articles', '/cart']));
    // Open, the menu fits the screen too, at 390 and 320 px.
    await toggle.click();
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 844 });
      const measured = await overflow(page);
      expect.soft(measured.scrollWidth, `menu open, ${width} px: ${measured.culprits.join(', ')}`).toBeLessThanOrEqual(measured.width);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await toggle.click();
    for (const href of hrefs) {
      await toggle.click();
      const link = nav.locator(`a[href="${href}"]`);
      await expect(link).toBeVisible();
      await expect(link).toBeInViewport({ ratio: 1 });
      await link.click();
      await expect(page).toHaveURL(new RegExp(`${href!.replace(/\//g, '\\/')}$`));
      await expect(nav).toBeHidden(); // a page of its own: the menu starts folded again
    }
    // The pickers are in the menu too: the language switch changes the page's language.
    const other = language === 'en' ? 'de' : 'en';
    await toggle.click();
    await page.locator('#language').selectOption(other);
    await page.locator('form.language-switch button[type="submit"]').click();
    await expect(page.locator('html')).toHaveAttribute('lang', other);
    await context.close();
  });
}

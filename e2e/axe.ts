/**
 * axe-core in the e2e suite: the WCAG 2.0/2.1/2.2 A and AA rules and axe's best practices,
 * run on the page as it is now. A state passes with no violation of serious or critical
 * impact; a failure lists each one (rule, impact, the element, what is wrong) so it can be
 * fixed without rerunning anything.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Result } from 'axe-core';
import { expect } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const SCHEMES = ['light', 'dark'] as const;

function describe(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`).join('\n');
      return `  ${v.id} (${v.impact}): ${v.help}\n${nodes}`;
    })
    .join('\n');
}

/**
 * Runs axe on `scope` (a CSS selector; the whole page when omitted) in the light and the dark
 * colour scheme and fails on any serious or critical violation. `state` names what is on screen.
 */
export async function expectAccessible(page: Page, state: string, scope?: string): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    // The app's theme ('system' by default) follows the emulated scheme: wait until it has.
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
    // Only violations are read: leaving out the passes spares axe serialising every node it checked.
    let axe = new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ['violations'] });
    if (scope) axe = axe.include(scope);
    const { violations } = await axe.analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(describe(serious), `axe: serious or critical violations in ${state} (${colorScheme} scheme)`).toBe('');
  }
  await page.emulateMedia({ colorScheme: null });
}

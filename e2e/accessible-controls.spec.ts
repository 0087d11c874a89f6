/**
 * The controls a keyboard or screen-reader user leans on: the kind filter is a radio group
 * (one tab stop, arrows move and choose), the link picker is an ARIA combobox (the focus stays
 * in the field, the active option is announced through aria-activedescendant), and notes are
 * named by their text without its Markdown syntax wherever they are named.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, type LeadlineApp } from './fixtures';
import { cards, dragSelect, toolbar, waitForApp } from './helpers';
import { rewriteBodies, writeLongNotebook } from './long-notebook';

/** Notes in reading order (every fifth a lead), with these Markdown bodies. */
const BODIES = [
  '**Ask** the [ministry](https://example.org) for the _dates_.',
  '# Units\n\nThe `5th` Division and the 4th.',
  'A plain remark.',
  '> Quoted *from* the wire\n\nand checked.',
  '**Call** `Moscow` back ~~soon~~ today.',
  '- first item with <b>tags</b>\n- second item',
];
const NAMES = ['Ask the ministry for the dates.', 'Units', 'A plain remark.', 'Quoted from the wire', 'Call Moscow back soon today.', 'first item with tags'];

async function openNotebook(app: LeadlineApp): Promise<Page> {
  const path = join(app.dir, 'named.json');
  await writeLongNotebook(path, BODIES.length);
  rewriteBodies(path, BODIES);
  const page = await app.relaunch({ notebookPath: path });
  await waitForApp(page);
  await expect(cards(page)).toHaveCount(BODIES.length);
  return page;
}

test('the kind filter is a radio group: one tab stop, arrows and Home/End move and choose', async ({ app }) => {
  const page = await openNotebook(app);
  const group = page.getByRole('radiogroup', { name: 'Show' });
  const radio = (name: string) => group.getByRole('radio', { name: new RegExp(`^${name} \\d+$`) });
  await expect(group.getByRole('radio')).toHaveCount(3);
  await expect(radio('All')).toHaveAccessibleName(`All ${BODIES.length}`);

  // Tab from the search field enters the group once, on the checked chip.
  await page.getByRole('searchbox', { name: 'Search notes' }).focus();
  await page.keyboard.press('Tab');
  await expect(radio('All')).toBeFocused();
  await expect(group.locator('[tabindex="0"]')).toHaveCount(1);

  await page.keyboard.press('ArrowRight');
  await expect(radio('Annotations')).toBeFocused();
  await expect(radio('Annotations')).toBeChecked();
  await expect(radio('All')).not.toBeChecked();
  await expect(cards(page)).toHaveCount(5);

  await page.keyboard.press('ArrowDown');
  await expect(radio('Leads')).toBeFocused();
  await expect(radio('Leads')).toBeChecked();
  await expect(cards(page)).toHaveCount(1);
  await expect(group.locator('[tabindex="0"]')).toHaveAccessibleName(/^Leads/);

  await page.keyboard.press('ArrowRight'); // wraps round
  await expect(radio('All')).toBeChecked();
  await page.keyboard.press('ArrowLeft'); // and back
  await expect(radio('Leads')).toBeChecked();
  await page.keyboard.press('Home');
  await expect(radio('All')).toBeFocused();
  await expect(radio('All')).toBeChecked();
  await page.keyboard.press('End');
  await expect(radio('Leads')).toBeFocused();
  await expect(radio('Leads')).toBeChecked();

  // Tab leaves the group (to the lead status filter), Shift+Tab comes back to the checked chip.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Lead status filter' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(radio('Leads')).toBeFocused();
});

test('the link picker is a combobox: the arrows move the active option, Enter links, Escape clears then closes', async ({ app }) => {
  const page = await openNotebook(app);
  await dragSelect(page, 'Tiger Forces');
  await toolbar(page).getByRole('button', { name: 'Link to note…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Link to note' });
  const combobox = dialog.getByRole('combobox', { name: 'Find a note' });
  const listbox = dialog.getByRole('listbox', { name: 'Notes' });
  const options = listbox.getByRole('option');
  await expect(combobox).toBeFocused();
  await expect(combobox).toHaveAttribute('aria-expanded', 'true');
  await expect(combobox).toHaveAttribute('aria-autocomplete', 'list');
  await expect(combobox).toHaveAttribute('aria-controls', (await listbox.getAttribute('id'))!);
  // Each option is named by its kind and the note's plain text.
  await expect(options).toHaveCount(BODIES.length);
  for (const [i, name] of NAMES.entries()) await expect(options.nth(i)).toHaveAccessibleName(new RegExp(`${escape(name)}$`));
  await expect(options.nth(4)).toHaveAccessibleName(`Lead · Open ${NAMES[4]}`);

  const activeIs = async (index: number): Promise<void> => {
    await expect(combobox).toHaveAttribute('aria-activedescendant', (await options.nth(index).getAttribute('id'))!);
    await expect(options.nth(index)).toHaveAttribute('aria-selected', 'true');
    await expect(listbox.locator('[aria-selected="true"]')).toHaveCount(1);
  };
  await activeIs(0);
  await page.keyboard.press('ArrowDown');
  await activeIs(1);
  await page.keyboard.press('ArrowUp');
  await activeIs(0);
  await page.keyboard.press('ArrowUp'); // wraps to the last
  await activeIs(BODIES.length - 1);
  await expect(combobox).toBeFocused();

  // Typing filters; a query that matches nothing collapses the list.
  await combobox.pressSequentially('zzzz');
  await expect(combobox).toHaveAttribute('aria-expanded', 'false');
  await expect(combobox).not.toHaveAttribute('aria-activedescendant');
  await expect(dialog.getByRole('status')).toHaveText('No note matches.');
  // Escape clears the field first (the dialog stays), then closes the dialog.
  await page.keyboard.press('Escape');
  await expect(combobox).toHaveValue('');
  await expect(combobox).toHaveAttribute('aria-expanded', 'true');
  await expect(options).toHaveCount(BODIES.length);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Again, this time to link: the name is found by its text, Enter links to the active option.
  await dragSelect(page, 'Tiger Forces');
  await toolbar(page).getByRole('button', { name: 'Link to note…' }).click();
  await combobox.pressSequentially('division and');
  await expect(options).toHaveCount(1);
  await activeIs(0);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.locator('.toast')).toContainText('Excerpt linked to the annotation “Units”.');
  await expect(cards(page).filter({ hasText: 'Tiger Forces' })).toHaveCount(1);
});

test('notes are named by their plain text: cards, the leads dialog, the delete dialog and its toast', async ({ app }) => {
  const page = await openNotebook(app);
  for (const [i, name] of NAMES.entries()) {
    const kind = i === 4 ? 'Lead, Open' : 'Annotation';
    await expect(cards(page).nth(i)).toHaveAccessibleName(`${kind}: ${name}`);
  }

  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Leads…' }).click();
  const leads = page.getByRole('dialog', { name: 'Leads across the library' });
  await expect(leads.locator('.lead-text')).toHaveText([NAMES[4]!]);
  await page.keyboard.press('Escape');
  await expect(leads).toBeHidden();

  await cards(page).first().getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this annotation?' });
  await expect(confirm.locator('.quote-preview')).toHaveText(`“${NAMES[0]}”`);
  await confirm.getByRole('button', { name: 'Delete note and highlight' }).click();
  await expect(page.locator('.toast')).toContainText(`Deleted the annotation “${NAMES[0]}”.`);
  await expect(cards(page)).toHaveCount(BODIES.length - 1);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

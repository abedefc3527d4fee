// A networking campaign snowballs (docs/domain.md#campaigns): add the closest person, meet them, leave the
// meeting with two names, and the referral tree grows a second generation of two people.
import { expect, test } from './csp.js';
import { TIME_ZONE, addContact, setUpAccount, englishWords } from './foundation-flow.js';

test.use({ locale: 'en-US', timezoneId: TIME_ZONE });

const words = englishWords;

test('a met member gives two names, which become a second generation in the referral tree', async ({ page }) => {
  await setUpAccount(page, words);
  await addContact(page, words, { first: 'Ana', last: 'Muñoz', company: 'Acme Robotics', email: 'ana@acme.example' });

  // An empty Campaigns screen explains the method, then starts a campaign.
  await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
  await expect(page.getByTestId('campaigns-empty').getByText('Leave every meeting with two names')).toBeVisible();
  await page.getByRole('button', { name: 'Start a campaign' }).click();
  const form = page.getByRole('dialog', { name: 'New campaign' });
  await form.getByLabel('Name').fill('Robotics product roles');
  await form.getByRole('textbox', { name: 'Goal' }).click();
  await page.getByRole('option', { name: /^Job search/ }).click();
  await form.getByLabel('Target').fill('Product management at robotics companies');
  await form.getByRole('button', { name: 'Start campaign' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Robotics product roles' })).toBeVisible();

  // Add the closest person from the suggestions.
  await page.getByRole('button', { name: 'Add people' }).first().click();
  const add = page.getByRole('dialog', { name: 'Add people to Robotics product roles' });
  await add.getByRole('button', { name: 'Add Ana Muñoz' }).click();
  await expect(page.getByText('Ana Muñoz added')).toBeVisible();
  await expect(add.getByText('Everyone in your contacts is already in this campaign.')).toBeVisible();
  await add.getByRole('button', { name: 'Done' }).click();
  await expect(add).toBeHidden();
  const identified = page.getByTestId('column-identified');
  await expect(identified.getByRole('listitem', { name: 'Ana Muñoz' })).toBeVisible();

  // Move her to "Met" without a mouse: the "Move to…" menu. The app asks for names right away.
  await identified.getByRole('button', { name: 'Move Ana Muñoz to…' }).click();
  await page.getByRole('menuitem', { name: 'Met' }).click();
  const names = page.getByRole('dialog', { name: 'Who else should I talk to?' });
  await expect(names.getByText('You met Ana Muñoz.', { exact: false })).toBeVisible();
  const met = page.getByTestId('column-met');
  await expect(met.getByRole('listitem', { name: 'Ana Muñoz' }).getByTestId('member-flag')).toBeVisible();
  await expect(page.getByTestId('stat-flagged').getByTestId('stat-value')).toHaveText('1');

  const first = names.getByRole('group', { name: 'Person 1' });
  await first.getByLabel('First name').fill('Rosa');
  await first.getByLabel('Last name').fill('Vidal');
  await first.getByLabel('Company').fill('Naturgy');
  await first.getByLabel('Note').fill('Runs the robotics lab');
  const second = names.getByRole('group', { name: 'Person 2' });
  await second.getByLabel('First name').fill('Samuel');
  await second.getByLabel('Company').fill('REE');
  await names.getByRole('button', { name: 'Save 2 names' }).click();
  await expect(names).toBeHidden();
  await expect(page.getByText('2 names saved, introduced by Ana Muñoz.')).toBeVisible();

  // The flag is gone; the two names joined the campaign as "Identified".
  await expect(met.getByRole('listitem', { name: 'Ana Muñoz' }).getByTestId('member-flag')).toHaveCount(0);
  await expect(page.getByTestId('stat-flagged').getByTestId('stat-value')).toHaveText('0');
  await expect(identified.getByRole('listitem', { name: 'Rosa Vidal' })).toBeVisible();
  await expect(identified.getByRole('listitem', { name: 'Samuel' })).toBeVisible();

  // The tree: Ana, then a second generation of two.
  const tree = page.getByTestId('campaign-tree');
  await expect(tree.getByTestId('generation-1')).toHaveText('Generation 1: 1 person');
  await expect(tree.getByTestId('generation-2')).toHaveText('Generation 2: 2 people');
  await expect(tree.getByTestId('tree-depth')).toHaveText('Generations: 2');
  await expect(tree.locator('[data-generation="2"]')).toHaveCount(2);

  // Each node is a link to the person, who remembers who introduced them.
  await tree.getByRole('link', { name: /^Rosa Vidal/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rosa Vidal' })).toBeVisible();
  await expect(page.getByText('Naturgy').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ana Muñoz' }).first()).toBeVisible();
});

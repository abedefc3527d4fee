// A networking campaign snowballs (docs/domain.md#campaigns): add the closest person, meet them, leave the
// meeting with two names, and the referral tree grows a second generation of two people.
import { expect, test } from './csp.js';
import { TIME_ZONE, addContact, setUpAccount, englishWords, todayIn } from './foundation-flow.js';

test.use({ locale: 'en-US', timezoneId: TIME_ZONE });
// The second test logs into the account the first one set up.
test.describe.configure({ mode: 'serial' });

const words = englishWords;

/** A calendar date `days` after `isoDate`. */
const plusDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** How the English app writes a calendar date: "Nov 23, 2026". */
const shown = (isoDate: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));

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

  // Move her to "Met" without a mouse: the "Move to…" menu. The app asks how and when they met
  // (a coffee today unless told otherwise): a video call yesterday, and not a day in the future.
  await identified.getByRole('button', { name: 'Move Ana Muñoz to…' }).click();
  await page.getByRole('menuitem', { name: 'Met' }).click();
  const meeting = page.getByRole('dialog', { name: 'How did you meet Ana Muñoz?' });
  await expect(meeting.getByRole('textbox', { name: 'How' })).toHaveValue('Coffee');
  const today = todayIn(TIME_ZONE);
  const yesterday = plusDays(today, -1);
  await expect(meeting.getByLabel('When')).toHaveValue(today);
  await meeting.getByRole('textbox', { name: 'How' }).click();
  await page.getByRole('option', { name: 'Video call', exact: true }).click();
  await meeting.getByLabel('When').fill(plusDays(today, 1));
  await meeting.getByRole('button', { name: 'Log the meeting' }).click();
  await expect(meeting.getByText('A meeting still to come is “Meeting set”.', { exact: false })).toBeVisible();
  await expect(identified.getByRole('listitem', { name: 'Ana Muñoz' })).toBeVisible();
  await meeting.getByLabel('When').fill(yesterday);
  await meeting.getByRole('button', { name: 'Log the meeting' }).click();
  // Then it asks for names right away.
  const names = page.getByRole('dialog', { name: 'Who else should I talk to?' });
  await expect(names.getByText('You met Ana Muñoz.', { exact: false })).toBeVisible();
  const met = page.getByTestId('column-met');
  await expect(met.getByRole('listitem', { name: 'Ana Muñoz' }).getByTestId('member-flag')).toBeVisible();
  await expect(met.getByRole('listitem', { name: 'Ana Muñoz' }).getByText(`Met ${shown(yesterday)}`)).toBeVisible();
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

  // Target companies: the best warm path to someone at each (Ana introduced Rosa, who is at
  // Naturgy), and what to do at a company nobody knows; the path opens the intro request.
  const companies = page.getByTestId('campaign-companies');
  const companyInput = companies.getByRole('textbox', { name: 'Target companies' });
  await companyInput.fill('Naturgy');
  await companyInput.press('Enter');
  const naturgy = companies.getByTestId('company-path').filter({ hasText: 'Naturgy' });
  await expect(naturgy.getByTestId('intro-path')).toContainText('Ana Muñoz');
  await expect(naturgy.getByTestId('intro-path')).toContainText('Rosa Vidal');
  await companyInput.fill('Nobody Corp');
  await companyInput.press('Enter');
  await expect(companies.getByTestId('company-path').filter({ hasText: 'Nobody Corp' })).toContainText('No path yet: you have nobody at Nobody Corp in Círculo.');
  await naturgy.getByRole('button', { name: 'Ask Ana Muñoz' }).click();
  const ask = page.getByRole('dialog', { name: 'Ask Ana Muñoz to introduce you to Rosa Vidal' });
  await expect(ask).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();

  // Each node is a link to the person, who remembers who introduced them, and whose page shows
  // the campaign they are in.
  await tree.getByRole('link', { name: /^Rosa Vidal/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rosa Vidal' })).toBeVisible();
  await expect(page.getByText('Naturgy').first()).toBeVisible();
  const rosaCampaigns = page.getByTestId('contact-campaigns');
  await expect(rosaCampaigns.getByTestId('contact-campaign')).toHaveCount(1);
  await expect(rosaCampaigns.getByTestId('contact-campaign')).toContainText('Identified');

  // Ana's page: the campaign, her stage there since today, the meeting's day, and the video call
  // on her timeline on the day it happened.
  await page.getByRole('link', { name: 'Ana Muñoz' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ana Muñoz' })).toBeVisible();
  const anaCampaign = page.getByTestId('contact-campaigns').getByTestId('contact-campaign');
  await expect(anaCampaign.getByText('Met', { exact: true })).toBeVisible();
  await expect(anaCampaign).toContainText(`At this stage since ${shown(today)} · Met ${shown(yesterday)}`);
  const touch = page.getByTestId('timeline').getByTestId('timeline-interaction').filter({ hasText: 'Advice meeting (Robotics product roles)' });
  await expect(touch).toContainText('Video call');
  await expect(touch).toContainText(shown(yesterday));
  await anaCampaign.getByRole('link', { name: 'Robotics product roles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Robotics product roles' })).toBeVisible();
});

test('dragging a card onto "Met" asks how they met first; cancelling leaves them where they were', async ({ page }) => {
  const login = await page.request.post('/api/auth/login', { data: { email: 'lucia@example.com', password: 'correct horse battery' } });
  expect(login.ok()).toBe(true);
  // Wide enough for every column: a drag near the edge would scroll the board under the mouse.
  await page.setViewportSize({ width: 1920, height: 1000 });
  await page.goto('/campaigns');
  await page.getByRole('link', { name: /Robotics product roles/ }).first().click();
  const identified = page.getByTestId('column-identified');
  await expect(identified.getByRole('listitem', { name: 'Samuel' })).toBeVisible();

  const drag = async () => {
    // The board scrolls sideways (dragging scrolls it too): start from its first column.
    await page.getByTestId('member-board').evaluate((board) => board.scrollTo({ left: 0 }));
    const from = (await page.getByRole('button', { name: 'Drag Samuel' }).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
    // The board scrolls itself while a card nears its edge, moving "Met" under the pointer: aim
    // again at where the column is now until it stays put, then drop.
    let aim = { x: -1, y: -1 };
    for (let tries = 0; tries < 5; tries++) {
      const to = (await page.getByTestId('column-met').boundingBox())!;
      const next = { x: to.x + to.width / 2, y: to.y + 80 };
      if (Math.abs(next.x - aim.x) < 2 && Math.abs(next.y - aim.y) < 2) break;
      aim = next;
      await page.mouse.move(aim.x, aim.y, { steps: 12 });
      await page.waitForTimeout(150);
    }
    await page.mouse.up();
  };

  await drag();
  const meeting = page.getByRole('dialog', { name: 'How did you meet Samuel?' });
  await meeting.getByRole('button', { name: 'Cancel' }).click();
  await expect(meeting).toBeHidden();
  await expect(identified.getByRole('listitem', { name: 'Samuel' })).toBeVisible();

  // Again, with the defaults as they are (a coffee, today): one press of Enter.
  await drag();
  await expect(meeting.getByRole('button', { name: 'Log the meeting' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Meeting with Samuel logged. A thank-you is on your list.')).toBeVisible();
  await expect(page.getByTestId('column-met').getByRole('listitem', { name: 'Samuel' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Who else should I talk to?' }).getByRole('button', { name: 'Later' }).click();
  await page.getByTestId('column-met').getByRole('listitem', { name: 'Samuel' }).getByRole('button', { name: 'More for Samuel' }).click();
  await page.getByRole('menuitem', { name: 'Open contact' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Samuel' })).toBeVisible();
  const touch = page.getByTestId('timeline').getByTestId('timeline-interaction').filter({ hasText: 'Advice meeting (Robotics product roles)' });
  await expect(touch).toContainText('Coffee');
  await expect(touch).toContainText(shown(todayIn(TIME_ZONE)));
});

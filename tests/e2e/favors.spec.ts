// Closing the loop (docs/domain.md#favors-and-the-loop): someone does you a big favor, Today suggests a gift to
// thank them, then reminds you to tell them how it went; the closed loop counts in the review.
import { expect, test, type Page } from './csp.js';
import { TIME_ZONE, addContact, setUpAccount, todayIn, englishWords } from './foundation-flow.js';

test.use({ locale: 'en-US', timezoneId: TIME_ZONE });

const words = englishWords;

const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function recordLargeFavorReceived(page: Page, description: string) {
  await page.getByTestId('contact-favors').getByRole('button', { name: 'Record a favor' }).click();
  const dialog = page.getByRole('dialog', { name: /Record a favor/ });
  await expect(dialog.getByRole('radio', { name: /They helped me/ })).toBeChecked();
  await dialog.getByRole('textbox', { name: 'Kind of favor' }).click();
  await page.getByRole('option', { name: 'Reference', exact: true }).click();
  await dialog.getByRole('radio', { name: /^Large/ }).click();
  await expect(dialog.getByText('Thank with: a card or a small gift')).toBeVisible();
  await dialog.getByLabel('What happened').fill(description);
  await dialog.getByRole('button', { name: 'Record a favor', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('A thank-you for Ana Muñoz is on your list')).toBeVisible();
  await expect(page.getByTestId('contact-favors').getByText(description)).toBeVisible();
}

test('a large favor is thanked with a gift, reported on, and counted as a closed loop', async ({ page }) => {
  await setUpAccount(page, words);
  await addContact(page, words, { first: 'Ana', last: 'Muñoz', company: 'Acme Robotics', email: 'ana@acme.example' });
  await recordLargeFavorReceived(page, 'Wrote me a reference for the Lumen product role');

  // The thank-you follow-up writes the message from the thank-you template, naming the favor.
  await page.getByTestId('contact-followups').getByRole('button', { name: 'Write a message to Ana Muñoz' }).click();
  const composer = page.getByRole('dialog', { name: 'A message for Ana Muñoz' });
  await expect(composer.getByLabel('Subject')).toHaveValue('Thank you, Ana');
  await expect(composer.getByTestId('composed-message')).toHaveValue(/Hi Ana,[\s\S]*Wrote me a reference for the Lumen product role/);
  await composer.getByRole('button', { name: 'Close' }).click();

  // Today: thank her in proportion to the effort — a card or a gift, with ideas.
  await page.getByRole('link', { name: 'Today', exact: true }).click();
  const loops = page.getByTestId('today-loops');
  const loop = loops.getByRole('listitem', { name: 'Ana Muñoz: Reference' });
  await expect(loop.getByText('Thank Ana Muñoz')).toBeVisible();
  await expect(loop.getByText('Suggested: a card or a small gift')).toBeVisible();
  await expect(loop.getByRole('list', { name: 'Gift ideas' }).getByText('Flowers')).toBeVisible();

  // Mark thanked: the "tell them how it went" date is prefilled 14 days later.
  await loop.getByRole('button', { name: 'Mark thanked' }).click();
  const thankDialog = page.getByRole('dialog', { name: 'Thank Ana Muñoz' });
  const today = todayIn(TIME_ZONE);
  await expect(thankDialog.getByLabel('Thanked on')).toHaveValue(today);
  await expect(thankDialog.getByLabel('Tell them how it went on')).toHaveValue(addDays(today, 14));
  await thankDialog.getByRole('button', { name: 'Mark thanked' }).click();
  await expect(thankDialog).toBeHidden();
  await expect(page.getByText('Thanked. Círculo will remind you to tell Ana Muñoz how it went.')).toBeVisible();

  // The outcome follow-up appears: on Today as the loop's next step, and on her page.
  await expect(loop.getByText('Tell Ana Muñoz how it went')).toBeVisible();
  await expect(loop.getByLabel('Loop: Thanked — report back')).toBeVisible();
  await loop.getByRole('link', { name: 'Ana Muñoz' }).click();
  await expect(page.getByTestId('contact-followups').getByText(/Tell Ana Muñoz how .* turned out/)).toBeVisible();

  // Record the outcome: the loop closes and leaves Today.
  await page.getByTestId('contact-favors').getByRole('button', { name: 'Record outcome' }).click();
  const outcomeDialog = page.getByRole('dialog', { name: /How did it turn out/ });
  await outcomeDialog.getByLabel('How it turned out').fill('I got the job. Thank you, Ana!');
  await outcomeDialog.getByRole('button', { name: 'Record outcome' }).click();
  await expect(outcomeDialog).toBeHidden();
  await expect(page.getByText('Loop closed. Well done.')).toBeVisible();
  await expect(page.getByTestId('contact-favors').getByLabel('Loop: Closed')).toBeVisible();
  await expect(page.getByTestId('contact-followups').getByText(/turned out/)).toHaveCount(0);

  await page.getByRole('link', { name: 'Today', exact: true }).click();
  await expect(page.getByTestId('week-tally')).toBeVisible();
  await expect(page.getByTestId('today-loops')).toHaveCount(0);

  // The weekly review counts it.
  await page.getByRole('link', { name: 'Open the weekly review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Weekly review' })).toBeVisible();
  await expect(page.getByTestId('review-loops-closed').getByTestId('stat-value')).toHaveText('1');
  await expect(page.getByTestId('review-favors-received').getByTestId('stat-value')).toHaveText('1');
  await expect(page.getByTestId('review-new-contacts')).toContainText('1');
});

import { test } from './csp.js';
import { TIME_ZONE, addContact, addFollowupDueToday, completeFollowupFromToday, logTouch, setUpAccount, englishWords } from './foundation-flow.js';

test.use({ locale: 'en-US', timezoneId: TIME_ZONE });

const words = englishWords;

test('a new user sets up Círculo, adds a contact, logs a touch and closes a follow-up', async ({ page }) => {
  await setUpAccount(page, words);
  await addContact(page, words, { first: 'Ana', last: 'Muñoz', company: 'Acme Robotics', email: 'ana@acme.example' });
  await logTouch(page, words, 'Coffee — talked about her move to product');
  await addFollowupDueToday(page, words, 'Send Ana the article on pricing');
  await completeFollowupFromToday(page, words, 'Send Ana the article on pricing');
});

import { test } from '@playwright/test';
import { TIME_ZONE, addContact, addFollowupDueToday, completeFollowupFromToday, logTouch, setUpAccount, type Words } from './foundation-flow.js';

test.use({ locale: 'en-US', timezoneId: TIME_ZONE });

const words: Words = {
  yourName: 'Your name',
  email: 'Email',
  password: 'Password',
  createAccount: 'Create account',
  today: 'Today',
  addFirstContact: 'Add your first contact',
  firstName: 'First name',
  lastName: 'Last name',
  company: 'Company',
  email1: 'Email 1',
  save: 'Save',
  channel: 'Channel',
  coffee: 'Coffee',
  summary: 'Summary',
  logTouch: 'Log touch',
  touchLogged: 'Touch logged',
  addFollowup: 'Add follow-up',
  followupTitle: 'What to do',
  dueDate: 'Due date',
  dueToday: 'Due today',
  done: 'Done',
  followupDone: 'Follow-up done',
  nothingDue: 'Nothing due today',
};

test('a new user sets up Círculo, adds a contact, logs a touch and closes a follow-up', async ({ page }) => {
  await setUpAccount(page, words);
  await addContact(page, words, { first: 'Ana', last: 'Muñoz', company: 'Acme Robotics', email: 'ana@acme.example' });
  await logTouch(page, words, 'Coffee — talked about her move to product');
  await addFollowupDueToday(page, words, 'Send Ana the article on pricing');
  await completeFollowupFromToday(page, words, 'Send Ana the article on pricing');
});

// The first path every user walks, written once and run in each language: set up Círculo,
// add a contact, log a touch, add a follow-up, find it on Today and mark it done.
import { expect, type Page } from '@playwright/test';

/** What the user reads on screen, in one language. */
export interface Words {
  yourName: string;
  email: string;
  password: string;
  createAccount: string;
  today: string;
  addFirstContact: string;
  firstName: string;
  lastName: string;
  company: string;
  email1: string;
  save: string;
  channel: string;
  coffee: string;
  summary: string;
  logTouch: string;
  touchLogged: string;
  addFollowup: string;
  followupTitle: string;
  dueDate: string;
  dueToday: string;
  done: string;
  followupDone: string;
  nothingDue: string;
}

/** The English interface's labels, shared by the English browser tests. */
export const englishWords: Words = {
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

export const TIME_ZONE = 'Europe/Madrid';

/** Today's date where the user lives, as a date input wants it (YYYY-MM-DD). */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export async function setUpAccount(page: Page, w: Words) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel(w.yourName).fill('Lucía Fernández');
  await page.getByLabel(w.email).fill('lucia@example.com');
  await page.getByRole('textbox', { name: w.password, exact: true }).fill('correct horse battery');
  await page.getByRole('button', { name: w.createAccount }).click();
  await expect(page.getByRole('heading', { level: 1, name: w.today })).toBeVisible();
}

export async function addContact(page: Page, w: Words, person: { first: string; last: string; company: string; email: string }) {
  await page.getByRole('link', { name: w.addFirstContact }).click();
  await page.getByLabel(w.firstName, { exact: true }).fill(person.first);
  await page.getByLabel(w.lastName, { exact: true }).fill(person.last);
  await page.getByLabel(w.company, { exact: true }).fill(person.company);
  await page.getByLabel(w.email1, { exact: true }).fill(person.email);
  await page.getByRole('button', { name: w.save, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${person.first} ${person.last}` })).toBeVisible();
}

export async function logTouch(page: Page, w: Words, summary: string) {
  await page.getByRole('textbox', { name: w.channel }).click();
  await page.getByRole('option', { name: w.coffee, exact: true }).click();
  await page.getByLabel(w.summary, { exact: true }).fill(summary);
  await page.getByRole('button', { name: w.logTouch, exact: true }).click();
  await expect(page.getByText(w.touchLogged)).toBeVisible();
  await expect(page.getByTestId('timeline').getByText(summary)).toBeVisible();
}

export async function addFollowupDueToday(page: Page, w: Words, title: string) {
  await page.getByRole('button', { name: w.addFollowup }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(w.followupTitle).fill(title);
  await dialog.getByLabel(w.dueDate).fill(todayIn(TIME_ZONE));
  await dialog.getByRole('button', { name: w.save, exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('contact-followups').getByText(title)).toBeVisible();
}

export async function completeFollowupFromToday(page: Page, w: Words, title: string) {
  await page.getByRole('link', { name: w.today, exact: true }).click();
  const dueToday = page.getByRole('list', { name: w.dueToday });
  const item = dueToday.getByRole('listitem', { name: title });
  await expect(item).toBeVisible();
  await item.getByRole('button', { name: w.done, exact: true }).click();
  await expect(page.getByText(w.followupDone)).toBeVisible();
  await expect(page.getByRole('listitem', { name: title })).toHaveCount(0);
  await expect(page.getByText(w.nothingDue)).toBeVisible();
}

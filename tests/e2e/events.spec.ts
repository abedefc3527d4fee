// Meeting people on purpose (docs/domain.md#events): prepare an event with two people to meet, read the
// briefing, capture three people met there, and find their follow-ups on Today.
import { expect, test, type Page } from './csp.js';
import { TIME_ZONE, addContact, setUpAccount, todayIn, englishWords } from './foundation-flow.js';

test.use({ locale: 'en-US', timezoneId: TIME_ZONE });

const words = englishWords;

const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function addAnotherContact(page: Page, person: { first: string; last: string; company: string }) {
  await page.goto('/contacts/new');
  await page.getByLabel('First name', { exact: true }).fill(person.first);
  await page.getByLabel('Last name', { exact: true }).fill(person.last);
  await page.getByLabel('Company', { exact: true }).fill(person.company);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${person.first} ${person.last}` })).toBeVisible();
}

async function addTarget(page: Page, name: string) {
  const attendees = page.getByTestId('event-attendees');
  await attendees.getByRole('textbox', { name: 'Add someone from your contacts' }).fill(name.split(' ')[0]!);
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await expect(page.getByText(`${name} is on the list`)).toBeVisible();
  await expect(attendees.getByRole('listitem', { name })).toBeVisible();
}

test('an event prepared with two targets, briefed, and the people met there followed up on Today', async ({ page }) => {
  // First-run setup, two contacts and five screens: longer than one screen's test on a busy machine.
  test.setTimeout(120_000);
  await setUpAccount(page, words);
  await addContact(page, words, { first: 'Ana', last: 'Muñoz', company: 'Acme Robotics', email: 'ana@acme.example' });
  await addAnotherContact(page, { first: 'Bruno', last: 'Díaz', company: 'Lumen' });

  // An empty Events screen says what events are for, and creates one.
  await page.getByRole('link', { name: 'Events', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  await expect(page.getByText('No events coming up')).toBeVisible();
  await page.getByRole('button', { name: 'New event' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New event' });
  const eventDay = addDays(todayIn(TIME_ZONE), -3);
  await dialog.getByLabel('Name').fill('Robotics Meetup');
  await dialog.getByLabel('Starts').fill(`${eventDay}T18:30`);
  await dialog.getByLabel('Ends').fill(`${eventDay}T21:00`);
  await dialog.getByRole('textbox', { name: 'Kind of event' }).click();
  await page.getByRole('option', { name: 'Networking event' }).click();
  await dialog.getByLabel('Place').fill('Impact Hub, Madrid');
  await dialog.getByRole('button', { name: 'Create event' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Robotics Meetup' })).toBeVisible();

  // The event is over, so its page opens on "After"; prepare on "Before".
  await expect(page.getByRole('radio', { name: 'After' })).toBeChecked();
  await page.getByText('Before', { exact: true }).click();
  await addTarget(page, 'Ana Muñoz');
  await addTarget(page, 'Bruno Díaz');

  const ana = page.getByTestId('event-attendees').getByRole('listitem', { name: 'Ana Muñoz' });
  await expect(ana.getByText('Want to meet').first()).toBeVisible();
  // A person just added opens ready to prepare.
  const prepare = page.getByRole('form', { name: 'Prepare for Ana Muñoz' });
  await prepare.getByLabel('Why meet them').fill('Leads robotics hiring at Acme');
  await prepare.getByRole('textbox', { name: 'Add a question' }).fill('What are you hiring for next?');
  await prepare.getByRole('textbox', { name: 'Add a question' }).press('Enter');
  await prepare.getByRole('button', { name: 'Save preparation' }).click();
  await expect(page.getByText('Preparation for Ana Muñoz saved')).toBeVisible();

  // My pitch: a reading-time hint as I type.
  const pitch = page.getByTestId('event-pitch');
  await pitch.getByLabel('Pitch for this event').fill('I build warehouse robots and I am looking for my next team.');
  await expect(pitch.getByText(/about \d+ seconds to say; aim for 30/)).toBeVisible();
  await pitch.getByRole('button', { name: 'Save pitch' }).click();
  await expect(page.getByText('Pitch saved for this event')).toBeVisible();

  // The briefing: both targets, Ana's reason and question, my pitch.
  await page.getByRole('link', { name: 'Briefing' }).click();
  const briefing = page.getByRole('article', { name: 'Robotics Meetup' });
  await expect(briefing.getByRole('heading', { name: 'Want to meet (2)' })).toBeVisible();
  await expect(briefing.getByRole('listitem', { name: 'Ana Muñoz' }).getByText('Leads robotics hiring at Acme')).toBeVisible();
  await expect(briefing.getByRole('listitem', { name: 'Ana Muñoz' }).getByText('What are you hiring for next?')).toBeVisible();
  await expect(briefing.getByRole('listitem', { name: 'Bruno Díaz' })).toBeVisible();
  await expect(briefing.getByText('I build warehouse robots')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // After: three people captured in a row, Enter each time, focus back on the name.
  await page.getByRole('link', { name: 'Back to the event' }).click();
  await page.getByText('After', { exact: true }).click();
  const capture = page.getByTestId('event-capture');
  const name = capture.getByLabel('Name');
  // Before anyone is captured, the card says when Círculo will remind me: two days after the event.
  const dueOn = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${addDays(eventDay, 2)}T00:00:00Z`));
  await expect(capture.getByText(`with a reminder to write to them on ${dueOn}`)).toBeVisible();
  const people = [
    { name: 'Carmen Ruiz', company: 'Botlab', note: 'Wants a warehouse pilot' },
    { name: 'Diego Sanz', company: '', note: '' },
    { name: 'Elena Vidal', company: 'Kuka', note: 'Knows the Lumen CTO' },
  ];
  await name.click();
  for (const person of people) {
    await expect(name).toBeFocused();
    await name.fill(person.name);
    if (person.company) await capture.getByLabel('Company').fill(person.company);
    if (person.note) await capture.getByLabel('One line to remember them').fill(person.note);
    await (person.note ? capture.getByLabel('One line to remember them') : name).press('Enter');
    await expect(capture.getByRole('list', { name: 'People met here' }).getByRole('listitem', { name: person.name })).toBeVisible();
    await expect(name).toHaveValue('');
  }
  await expect(capture.getByText('3 people met here')).toBeVisible();

  // Ana was met; Bruno was not.
  const met = page.getByTestId('event-met');
  // A click and then the box's state, not check(): check() reads the state at the instant the click
  // returns, and on a busy runner it once read an unticked box that was ticked a moment later
  // (the failure's snapshot showed it ticked and 'Met 1 of 2'; not reproduced at 6x CPU throttling).
  const anaMet = met.getByRole('checkbox', { name: 'Ana Muñoz' });
  await expect(anaMet).not.toBeChecked();
  await anaMet.click();
  await expect(anaMet).toBeChecked();
  await expect(met.getByText('Met 1 of 2')).toBeVisible();

  // The event is in the past list; a captured person's page links back to it.
  await capture.getByRole('link', { name: 'Carmen Ruiz' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Carmen Ruiz' })).toBeVisible();
  await expect(page.getByTestId('timeline-event').getByRole('link', { name: 'Robotics Meetup' })).toBeVisible();
  // Deleting someone says they will leave the event's guest list (asked, then cancelled).
  await page.getByRole('button', { name: 'Delete' }).click();
  const impact = page.getByRole('dialog', { name: 'Delete Carmen Ruiz?' }).getByTestId('delete-impact');
  await expect(impact.getByText('They will leave the guest list of 1 event')).toBeVisible();
  await page.getByRole('dialog', { name: 'Delete Carmen Ruiz?' }).getByRole('button', { name: 'Cancel' }).click();

  // Their follow-ups were due two days after the event: yesterday, so overdue on Today.
  await page.getByRole('link', { name: 'Today', exact: true }).click();
  const followups = page.getByTestId('today-followups');
  for (const person of people) {
    await expect(followups.getByRole('listitem', { name: `Follow up with ${person.name} after Robotics Meetup` })).toBeVisible();
  }
});

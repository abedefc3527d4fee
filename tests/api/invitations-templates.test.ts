import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let me: ApiClient;
const NOW = new Date('2026-11-23T09:00:00Z');

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
  me = await setupOwner(server.app, { name: 'Alex Rivera', timeZone: 'Europe/Madrid', language: 'es' });
  await me.patch('/api/profile', {
    pitchShort: 'Soy ingeniero de datos y busco mi próximo reto en energía.',
    schools: ['Universidad de Valparaíso'],
    companies: ['Telefónica'],
    interests: ['escalada'],
    communities: ['PyData Madrid'],
    places: ['Madrid'],
  });
});
afterAll(() => server.close());

describe('profile', () => {
  it('keeps the pitch and the lists common points are made of', async () => {
    const profile = (await me.get('/api/profile')).body;
    expect(profile).toMatchObject({ schools: ['Universidad de Valparaíso'], pitchShort: expect.stringContaining('energía') });
  });
});

describe('templates', () => {
  it('ships defaults for every purpose in both languages', async () => {
    const list = (await me.get('/api/templates')).body;
    const keys = new Set(list.map((t: { purpose: string; language: string }) => `${t.purpose}.${t.language}`));
    for (const purpose of ['welcome', 'thank_you', 'report_outcome', 'keep_in_touch', 'advice_request', 'after_event']) {
      expect(keys).toContain(`${purpose}.es`);
      expect(keys).toContain(`${purpose}.en`);
    }
    expect((await me.get('/api/templates?purpose=welcome&language=en')).body).toHaveLength(1);
  });

  it('renders for a contact, listing missing and unknown placeholders without blanking them', async () => {
    const lucia = (await me.post('/api/contacts', { firstName: 'Lucía', company: 'Endesa', schools: ['universidad de valparaiso'] })).body;
    const t = (await me.post('/api/templates', { purpose: 'custom', language: 'es', name: 'Prueba', subject: 'Hola {{firstName}}', body: '{{commonPoints}} · {{eventName}} · {{firstNme}} · {{myPitch}}' })).body;
    const rendered = (await me.post(`/api/templates/${t.id}/render`, { contactId: lucia.id })).body;
    expect(rendered).toEqual({
      subject: 'Hola Lucía',
      body: 'universidad de valparaiso · {{eventName}} · {{firstNme}} · Soy ingeniero de datos y busco mi próximo reto en energía.',
      missing: ['eventName'],
      unknown: ['firstNme'],
    });
    const withEvent = (await me.post(`/api/templates/${t.id}/render`, { contactId: lucia.id, eventName: 'South Summit' })).body;
    expect(withEvent.missing).toEqual([]);
    const draft = (await me.post(`/api/templates/${t.id}/render`, { contactId: lucia.id, draft: { subject: null, body: 'Hola {{firstName}} de {{company}}' } })).body;
    expect(draft).toMatchObject({ subject: '', body: 'Hola Lucía de Endesa', missing: [] });
  });

  it('edits, resets shipped templates and refuses to delete them', async () => {
    const [welcome] = (await me.get('/api/templates?purpose=welcome&language=es')).body;
    const edited = await me.patch(`/api/templates/${welcome.id}`, { body: 'Hola {{firstName}}' });
    expect(edited.body.body).toBe('Hola {{firstName}}');
    expect((await me.del(`/api/templates/${welcome.id}`)).status).toBe(409);
    const reset = await me.post(`/api/templates/${welcome.id}/reset`, {});
    expect(reset.body.body).toContain('{{commonPoints}}');
    const mine = (await me.post('/api/templates', { purpose: 'custom', language: 'en', name: 'Mine', body: 'x' })).body;
    expect((await me.del(`/api/templates/${mine.id}`)).status).toBe(204);
    expect((await me.post('/api/templates', { purpose: 'spam', language: 'fr', name: '', body: '' })).body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body', 'language', 'name', 'purpose']);
  });
});

describe('invitations', () => {
  it('from an incoming invitation to a welcome naming the shared school, a reply and the funnel', async () => {
    const created = await me.post('/api/invitations', {
      direction: 'incoming',
      newContact: { firstName: 'Rosa', lastName: 'Villalobos', company: 'Enel', profileUrl: 'https://www.linkedin.com/in/rosa-villalobos/' },
      message: 'Hola Alex, ¡conectemos!',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const inv = created.body;
    expect(inv).toMatchObject({ status: 'no_welcome', receivedOn: '2026-11-23', direction: 'incoming' });
    await me.patch(`/api/contacts/${inv.contactId}`, { schools: ['Universidad de Valparaíso'] });
    const followups = (await me.get(`/api/followups?contactId=${inv.contactId}&status=open`)).body.items;
    expect(followups).toEqual([expect.objectContaining({ kind: 'reply_invitation', invitationId: inv.id, dueOn: '2026-11-24' })]);

    const draft = (await me.get(`/api/invitations/${inv.id}/welcome-draft`)).body;
    expect(draft.commonPoints[0]).toMatchObject({ kind: 'school', value: 'Universidad de Valparaíso' });
    expect(draft.body).toContain('Universidad de Valparaíso');
    expect(draft.body).toContain('Hola Rosa');
    expect(draft.missing).toEqual([]);

    const sent = await me.post(`/api/invitations/${inv.id}/welcome`, { message: draft.body });
    expect(sent.body).toMatchObject({ status: 'welcome_sent', welcomeSentOn: '2026-11-23', welcomeMessage: draft.body });
    expect((await me.get(`/api/followups?contactId=${inv.contactId}&status=open`)).body.items).toEqual([]);
    expect((await me.get('/api/invitations/funnel')).body).toMatchObject({ incoming: 1, welcomed: 1, replied: 0, replyRate: 0 });

    const replied = await me.patch(`/api/invitations/${inv.id}`, { repliedOn: '2026-11-23' });
    expect(replied.body.status).toBe('replied');
    const funnel = (await me.get('/api/invitations/funnel')).body;
    expect(funnel).toMatchObject({ incoming: 1, welcomed: 1, replied: 1, replyRate: 1 });
    expect(funnel.byMonth).toEqual([expect.objectContaining({ month: '2026-11', replied: 1 })]);
    expect((await me.get('/api/review/weekly')).body.replyRate).toBe(1);

    const rosa = (await me.get(`/api/contacts/${inv.contactId}`)).body;
    expect(rosa).toMatchObject({ displayName: 'Rosa Villalobos', source: 'linkedin', links: ['https://www.linkedin.com/in/rosa-villalobos/'] });
  });

  it('filters the inbox by status and direction, and counts accepted outgoing invitations', async () => {
    const pat = (await me.post('/api/contacts', { firstName: 'Pat' })).body;
    const out = (await me.post('/api/invitations', { direction: 'outgoing', contactId: pat.id, receivedOn: '2026-11-01' })).body;
    await me.patch(`/api/invitations/${out.id}`, { acceptedOn: '2026-11-03' });
    expect((await me.get('/api/invitations?direction=outgoing')).body.items.map((i: { id: string }) => i.id)).toEqual([out.id]);
    expect((await me.get('/api/invitations?status=replied')).body.items).toHaveLength(1);
    expect((await me.get('/api/invitations/funnel')).body.outgoing).toEqual({ sent: 1, accepted: 1, acceptedRate: 1 });
    expect((await me.post('/api/invitations', { direction: 'incoming' })).status).toBe(400);
  });
});

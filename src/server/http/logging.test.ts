import { describe, expect, it } from 'vitest';
import { redactUrl } from './logging.js';

describe('request log URLs', () => {
  it.each([
    ['/api/calendar/AbC-123_xyz.ics', '/api/calendar/[redacted].ics'],
    ['/api/calendar/AbC-123_xyz.ics?refresh=1', '/api/calendar/[redacted].ics?refresh=1'],
    ['/api/calendar/AbC-123_xyz', '/api/calendar/[redacted]'],
    ['/api/calendar/secret', '/api/calendar/secret'],
    ['/api/calendar', '/api/calendar'],
    ['/api/contacts?q=ana', '/api/contacts?q=ana'],
  ])('%s is logged as %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});

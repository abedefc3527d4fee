import { describe, expect, it } from 'vitest';
import { CalendarFetchError, isPublicAddress, normaliseCalendarUrl } from './fetch-calendar.js';

describe('isPublicAddress', () => {
  it.each([
    ['8.8.8.8', true],
    ['140.82.112.3', true],
    ['2001:4860:4860::8888', true],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['127.0.0.1', false],
    ['0.0.0.0', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['not an address', false],
  ])('%s → %s', (address, expected) => expect(isPublicAddress(address)).toBe(expected));
});

describe('normaliseCalendarUrl', () => {
  it('reads webcal:// as https://', () => {
    expect(normaliseCalendarUrl('webcal://p01-caldav.icloud.com/published/2/abc').toString()).toBe('https://p01-caldav.icloud.com/published/2/abc');
  });
  it.each(['ftp://example.com/cal.ics', 'file:///etc/passwd', 'gopher://x', 'not a url', 'javascript:alert(1)'])('refuses %s', (url) => {
    expect(() => normaliseCalendarUrl(url)).toThrow(CalendarFetchError);
  });
});

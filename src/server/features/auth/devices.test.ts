import { describe, expect, it } from 'vitest';
import { describeDevice } from './devices.js';

describe('describeDevice', () => {
  it.each([
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
      'Chrome on Android',
      'mobile',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Safari on iOS',
      'mobile',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
      'Safari on macOS',
      'desktop',
    ],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox on Windows', 'desktop'],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
      'Edge on Linux',
      'desktop',
    ],
  ])('%s → %s', (ua, label, deviceType) => {
    expect(describeDevice(ua)).toMatchObject({ label, deviceType });
  });

  it('says so when there is no User-Agent, and keeps an unknown one short', () => {
    expect(describeDevice(null).label).toBe('Unknown device');
    expect(describeDevice('curl/8.5.0')).toMatchObject({ label: 'curl/8.5.0', deviceType: 'other' });
    expect(describeDevice('x'.repeat(300)).label.length).toBeLessThanOrEqual(60);
  });
});

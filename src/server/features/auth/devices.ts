// A session's device in plain words ("Chrome on Android") from its User-Agent, so a user can
// tell their phone from a stranger's laptop in the sessions list.
import { UAParser } from 'ua-parser-js';
import type { DeviceType } from '#shared/schemas/security.js';

export interface Device {
  browser: string | null;
  os: string | null;
  deviceType: DeviceType;
  /** English words for API callers; the web app words it in the user's language. */
  label: string;
}

export function describeDevice(userAgent: string | null): Device {
  if (!userAgent) return { browser: null, os: null, deviceType: 'other', label: 'Unknown device' };
  const parsed = UAParser(userAgent);
  // "Mobile Chrome", "Mobile Safari", "Chrome WebView": the device type already says mobile.
  const browser = parsed.browser.name?.replace(/^Mobile /, '').replace(/ WebView$/, '') || null;
  const os = parsed.os.name || null;
  const type = parsed.device.type;
  // ua-parser-js names mobiles and tablets; a browser on a known system without one is a computer.
  const deviceType: DeviceType = type === 'mobile' || type === 'tablet' ? type : type || !browser || !os ? 'other' : 'desktop';
  const label = browser && os ? `${browser} on ${os}` : (browser ?? os ?? (userAgent.slice(0, 60) || 'Unknown device'));
  return { browser, os, deviceType, label };
}

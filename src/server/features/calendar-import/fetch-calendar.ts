// Fetches a subscribed calendar without letting its address reach inside the server's network
// (server-side request forgery): only http(s); every address the host name resolves to must be a
// public one, checked at connection time by the socket's own DNS lookup (so a name cannot resolve
// to a public address for the check and a private one for the connection), and again on every
// redirect. CIRCULO_ALLOW_PRIVATE_CALENDAR_URLS=true lifts the address rule for a calendar
// server on the owner's own network. Size and time are capped.
//
// Hand-written on node:http(s) rather than fetch(): fetch() takes no DNS lookup of ours, and
// following redirects by hand is what lets each hop be checked.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

export const CALENDAR_MAX_BYTES = 20 * 1024 ** 2;
export const CALENDAR_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 5;

export type CalendarFetchErrorCode = 'bad_url' | 'private_address' | 'http_status' | 'too_large' | 'timeout' | 'network' | 'too_many_redirects';

export class CalendarFetchError extends Error {
  override readonly name = 'CalendarFetchError';
  constructor(
    readonly code: CalendarFetchErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface CalendarFetchOptions {
  /** CIRCULO_ALLOW_PRIVATE_CALENDAR_URLS: private, loopback and link-local addresses allowed. */
  allowPrivateAddresses: boolean;
  /** Addresses allowed besides public ones (the tests' own local server, and nothing else). */
  alsoAllow?: (address: string) => boolean;
  maxBytes?: number;
  timeoutMs?: number;
}

/** Only ordinary internet addresses: not private, loopback, link-local, multicast, reserved… */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/**
 * Refuses an address that resolves (now) to a private one, for a clear answer when it is added;
 * the fetch checks again at every connection, as DNS answers change.
 */
export async function checkCalendarHost(url: URL, options: CalendarFetchOptions): Promise<void> {
  const settings: Settings = { maxBytes: CALENDAR_MAX_BYTES, timeoutMs: CALENDAR_TIMEOUT_MS, ...options };
  const host = bareHost(url);
  const addresses = isIP(host) ? [host] : await lookupAll(host).catch(() => [] as string[]);
  const refused = addresses.find((a) => !allowed(a, settings));
  if (refused) throw new CalendarFetchError('private_address', `${host} is a private or local address${refused === host ? '' : ` (${refused})`}`);
}

function lookupAll(host: string): Promise<string[]> {
  return new Promise((resolve, reject) => dnsLookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses.map((a) => a.address)))));
}

/** `webcal://` (what calendar apps hand out) is the same address over https. */
export function normaliseCalendarUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim().replace(/^webcals?:\/\//i, 'https://'));
  } catch {
    throw new CalendarFetchError('bad_url', 'not a web address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CalendarFetchError('bad_url', 'only http:// and https:// addresses are fetched');
  return url;
}

/** The host part of a literal IPv6 URL comes in brackets. */
const bareHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

type Settings = Required<Omit<CalendarFetchOptions, 'alsoAllow'>> & Pick<CalendarFetchOptions, 'alsoAllow'>;

const allowed = (address: string, settings: Settings) => settings.allowPrivateAddresses || isPublicAddress(address) || settings.alsoAllow?.(address) === true;

function checkedLookup(settings: Settings): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((a) => !allowed(a.address, settings));
      if (refused) return callback(new CalendarFetchError('private_address', `${hostname} is a private or local address (${refused.address})`), '', 0);
      if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new CalendarFetchError('network', `${hostname} has no address`), '', 0);
      return callback(null, first.address, first.family);
    });
  };
}

function requestOnce(url: URL, options: Settings, signal: AbortSignal): Promise<IncomingMessage> {
  const host = bareHost(url);
  // A literal IP needs no lookup, so Node would not call ours: check it here.
  if (isIP(host) && !allowed(host, options)) {
    return Promise.reject(new CalendarFetchError('private_address', `${host} is a private or local address`));
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, {
      signal,
      lookup: checkedLookup(options),
      headers: { accept: 'text/calendar, */*;q=0.5', 'user-agent': 'Circulo calendar subscription' },
    });
    request.on('response', resolve);
    request.on('error', reject);
  });
}

async function readBody(response: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new CalendarFetchError('too_large', `the calendar is larger than ${Math.round(maxBytes / 1024 ** 2)} MB`);
  }
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      response.destroy();
      throw new CalendarFetchError('too_large', `the calendar is larger than ${Math.round(maxBytes / 1024 ** 2)} MB`);
    }
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts).toString('utf8').replace(/^\uFEFF/, '');
}

/** The calendar's text. Throws a CalendarFetchError saying what went wrong, in English. */
export async function fetchCalendar(address: string, options: CalendarFetchOptions): Promise<string> {
  const settings: Settings = { maxBytes: CALENDAR_MAX_BYTES, timeoutMs: CALENDAR_TIMEOUT_MS, ...options };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
  try {
    let url = normaliseCalendarUrl(address);
    for (let hop = 0; ; hop++) {
      let response: IncomingMessage;
      try {
        response = await requestOnce(url, settings, controller.signal);
      } catch (error) {
        throw asFetchError(error, controller.signal);
      }
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        if (hop >= MAX_REDIRECTS) throw new CalendarFetchError('too_many_redirects', `more than ${MAX_REDIRECTS} redirects`);
        url = normaliseCalendarUrl(new URL(response.headers.location, url).toString());
        continue;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        throw new CalendarFetchError('http_status', `the calendar server answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`);
      }
      try {
        return await readBody(response, settings.maxBytes);
      } catch (error) {
        throw asFetchError(error, controller.signal);
      }
    }
  } finally {
    clearTimeout(timer);
  }
}

function asFetchError(error: unknown, signal: AbortSignal): CalendarFetchError {
  if (error instanceof CalendarFetchError) return error;
  if (signal.aborted) return new CalendarFetchError('timeout', 'the calendar server took too long to answer');
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof CalendarFetchError) return cause;
  return new CalendarFetchError('network', `could not reach the calendar server (${error instanceof Error ? error.message : String(error)})`);
}

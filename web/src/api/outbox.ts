// The outbox: writes made without a network, kept in IndexedDB until the server has them
// (docs/architecture.md, "The installable app"). Each write carries the Idempotency-Key it was
// given when queued, so sending it again after a lost answer changes nothing on the server.
//
// Sent one at a time, oldest first, when the browser says it is online again, and retried with
// back-off while the server cannot be reached or answers 5xx. A write the server refuses (a 4xx)
// is kept aside, marked refused with the server's reason, for the user to read and discard: it is
// neither dropped in silence nor retried for ever. A 401 stops sending until the user logs in.
//
// The list lives under one IndexedDB key changed with idb-keyval's `update` (one transaction), so
// two tabs never lose each other's writes; two tabs sending the same write at once is what the
// Idempotency-Key is for.
import { createStore, get, update } from 'idb-keyval';
import { api, isApiError, isNetworkError, type RequestOptions } from './client';

export type OutboxMethod = NonNullable<RequestOptions['method']>;

/** What the pending list says about a write: an i18n key and its values (a name, a summary…). */
export interface OutboxLabel {
  key: 'capture' | 'touch' | 'contact' | 'followupDone';
  detail: string;
}

export interface QueuedWrite {
  /** Also the write's Idempotency-Key: made once, when the write was queued. */
  id: string;
  /** The user who made it: another user logging in on this browser never sends it. */
  userId: string;
  method: OutboxMethod;
  path: string;
  body?: unknown;
  label: OutboxLabel;
  queuedAt: string;
  /** Set when the server refused it (4xx): kept for the user to read, never sent again. */
  refused?: { status: number; message: string };
}

export interface OutboxRequest {
  method: OutboxMethod;
  path: string;
  body?: unknown;
}

const store = createStore('circulo-outbox', 'writes');
const KEY = 'writes';
/** Back-off between attempts while the server cannot be reached: 2 s, 4 s … at most 5 min. */
const FIRST_RETRY_MS = 2_000;
const LONGEST_RETRY_MS = 5 * 60_000;

/** The current user's writes, the snapshot React reads (a new array at each change). */
let writes: QueuedWrite[] = [];
let currentUserId: string | null = null;
let sending = false;
let failedAttempts = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();
/** Told after a pass that delivered at least one write (the app refreshes its queries). */
let onDelivered: () => void = () => undefined;
/** Told once per write the server refuses. */
let onRefused: (write: QueuedWrite) => void = () => undefined;
/** Other tabs of the app hear of every change, and reload the list. */
const otherTabs = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('circulo-outbox');

function publish(everyones: QueuedWrite[], { broadcast = true } = {}) {
  writes = everyones.filter((write) => write.userId === currentUserId);
  for (const listener of listeners) listener();
  if (broadcast) otherTabs?.postMessage('changed');
}

async function change(transform: (list: QueuedWrite[]) => QueuedWrite[]): Promise<void> {
  let next: QueuedWrite[] = [];
  await update<QueuedWrite[]>(KEY, (list = []) => (next = transform(list)), store);
  publish(next);
}

/** A new key per write. `crypto.randomUUID` exists only on HTTPS and localhost, as does the worker. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The current user's writes, oldest first (waiting and refused). */
export function outboxWrites(): QueuedWrite[] {
  return writes;
}

export function subscribeToOutbox(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether a new write may go straight to the server: online, and nothing older still waiting. */
export function mayWriteDirectly(): boolean {
  return navigator.onLine && !writes.some((write) => !write.refused);
}

export async function enqueue(request: OutboxRequest, label: OutboxLabel, id: string): Promise<void> {
  if (!currentUserId) throw new Error('No one is logged in: nothing to queue a write for');
  const write: QueuedWrite = { id, userId: currentUserId, ...request, label, queuedAt: new Date().toISOString() };
  await change((list) => [...list, write]);
  scheduleSend(0);
}

export async function discard(id: string): Promise<void> {
  await change((list) => list.filter((write) => write.id !== id));
}

function scheduleSend(delayMs: number) {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void sendWaiting(), delayMs);
}

/** Sends the current user's waiting writes in order; stops at the first one that must wait. */
export async function sendWaiting(): Promise<void> {
  if (sending || !currentUserId) return;
  sending = true;
  let delivered = 0;
  try {
    for (;;) {
      const next = writes.find((write) => !write.refused);
      if (!next || !navigator.onLine) break;
      const outcome = await deliver(next);
      if (outcome === 'delivered') {
        delivered++;
        failedAttempts = 0;
        await change((list) => list.filter((write) => write.id !== next.id));
      } else if (outcome === 'refused') {
        // Marked already; the next write goes on.
        continue;
      } else {
        if (outcome === 'retry') {
          failedAttempts++;
          scheduleSend(Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (failedAttempts - 1)));
        }
        break;
      }
    }
  } finally {
    sending = false;
    if (delivered > 0) onDelivered();
  }
}

async function deliver(write: QueuedWrite): Promise<'delivered' | 'refused' | 'retry' | 'logged-out'> {
  try {
    await api(write.path, { method: write.method, body: write.body, headers: { 'Idempotency-Key': write.id } });
    return 'delivered';
  } catch (error) {
    if (isNetworkError(error)) return 'retry';
    if (!isApiError(error)) return 'retry';
    if (error.status === 401) return 'logged-out'; // Sent again after the next login.
    // Still running elsewhere (409 with Retry-After), rate-limited, or a server fault: later.
    if (error.status === 409 && error.problem?.type?.endsWith('/idempotency-key-in-use')) return 'retry';
    if (error.status === 408 || error.status === 429 || error.status >= 500) return 'retry';
    const refused = { status: error.status, message: error.message };
    await change((list) => list.map((w) => (w.id === write.id ? { ...w, refused } : w)));
    onRefused({ ...write, refused });
    return 'refused';
  }
}

/**
 * Starts the outbox for the logged-in user (null: logged out, nothing is sent). Called by the app
 * shell whenever the session changes.
 */
export async function startOutbox(userId: string | null, handlers: { delivered: () => void; refused: (write: QueuedWrite) => void }) {
  currentUserId = userId;
  onDelivered = handlers.delivered;
  onRefused = handlers.refused;
  publish((await get<QueuedWrite[]>(KEY, store)) ?? [], { broadcast: false });
  failedAttempts = 0;
  void sendWaiting();
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    failedAttempts = 0;
    void sendWaiting();
  });
  otherTabs?.addEventListener('message', () => {
    void get<QueuedWrite[]>(KEY, store).then((list) => publish(list ?? [], { broadcast: false }));
  });
}

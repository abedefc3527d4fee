import { useSyncExternalStore } from 'react';
import { outboxWrites, subscribeToOutbox, type QueuedWrite } from './outbox';

/** The logged-in user's writes still in the outbox (waiting or refused), oldest first. */
export function useOutbox(): QueuedWrite[] {
  return useSyncExternalStore(subscribeToOutbox, outboxWrites);
}

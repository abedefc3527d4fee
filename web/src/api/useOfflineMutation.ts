// The one way the writes people make at an event are sent (capture, log a touch, add a contact,
// mark a follow-up done): straight to the server when it can be reached, otherwise into the
// outbox (outbox.ts) to be sent when the network returns. Either way the write carries an
// Idempotency-Key, so a retry after a lost answer is harmless.
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { api, isNetworkError } from './client';
import { enqueue, mayWriteDirectly, newIdempotencyKey, outboxWrites, type OutboxLabel, type OutboxRequest } from './outbox';
import i18n from '../i18n';

/** What a write came to: the server's answer, or a place in the outbox. */
export type OfflineResult<T> = { queued: false; value: T } | { queued: true; first: boolean };

interface OfflineMutationOptions<TVariables> {
  request: (variables: TVariables) => OutboxRequest;
  /** How the pending list names this write. */
  label: (variables: TVariables) => OutboxLabel;
  /** The queries the write changes, refreshed once the server has it. */
  invalidates: readonly QueryKey[];
}

export function useOfflineMutation<TResult, TVariables>({ request, label, invalidates }: OfflineMutationOptions<TVariables>) {
  const queryClient = useQueryClient();
  return useMutation<OfflineResult<TResult>, Error, TVariables>({
    // 'always': TanStack Query would otherwise hold the mutation while offline, and the outbox
    // (which survives a closed tab) could not take it.
    networkMode: 'always',
    mutationFn: async (variables) => {
      const write = request(variables);
      const key = newIdempotencyKey();
      if (mayWriteDirectly()) {
        try {
          const value = await api<TResult>(write.path, { method: write.method, body: write.body, headers: { 'Idempotency-Key': key } });
          return { queued: false, value };
        } catch (error) {
          // Refused (4xx, 5xx): the form shows why, as for any write. No answer at all: queue it
          // with the same key, in case the server did get it.
          if (!isNetworkError(error)) throw error;
        }
      }
      const first = !outboxWrites().some((queued) => !queued.refused);
      await enqueue(write, label(variables), key);
      return { queued: true, first };
    },
    onSuccess: async (result) => {
      if (result.queued) {
        // Said once, for the first write kept; the header's count tells of the next ones.
        if (result.first) notifications.show({ color: 'sage', message: i18n.t('offline.queued'), autoClose: 4000 });
        return;
      }
      await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}

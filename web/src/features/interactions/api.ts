import type { Interaction, InteractionCreate } from '@shared/schemas/index.js';
import { queryKeys } from '../../api/queryKeys';
import { useOfflineMutation } from '../../api/useOfflineMutation';

/**
 * A touch changes last-touch dates, keep-in-touch suggestions, the week's tally and timelines.
 * Works offline (queued in the outbox until the network returns).
 */
export function useLogTouch() {
  return useOfflineMutation<Interaction, InteractionCreate>({
    request: (body) => ({ method: 'POST', path: '/api/interactions', body }),
    label: (body) => ({ key: 'touch', detail: body.summary ?? '' }),
    invalidates: [queryKeys.contacts, queryKeys.today],
  });
}

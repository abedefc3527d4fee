import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Interaction, InteractionCreate } from '@shared/schemas/index.js';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';

/** A touch changes last-touch dates, keep-in-touch suggestions, the week's tally and timelines. */
export function useLogTouch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InteractionCreate) => api<Interaction>('/api/interactions', { method: 'POST', body }),
    onSuccess: () =>
      Promise.all(
        [queryKeys.contacts, queryKeys.today].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}

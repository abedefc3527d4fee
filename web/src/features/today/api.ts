import { useQuery } from '@tanstack/react-query';
import type { ConnectionsToEngage, Today } from '@shared/schemas/index.js';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';

export function useTodayQuery() {
  return useQuery({
    queryKey: queryKeys.today,
    queryFn: ({ signal }) => api<Today>('/api/today', { signal }),
    refetchInterval: 5 * 60_000, // "Today" rolls over at midnight; a left-open tab catches up.
  });
}

/** Apart from Today itself: its own time does not grow with the size of an import. */
export function useConnectionsToEngage() {
  return useQuery({
    queryKey: [...queryKeys.today, 'connections'],
    queryFn: ({ signal }) => api<ConnectionsToEngage>('/api/today/connections', { signal }),
  });
}

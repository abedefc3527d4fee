import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { WeeklyReview } from '@shared/schemas/review.js';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';

export function useWeeklyReview(week: string) {
  return useQuery({
    queryKey: queryKeys.weeklyReview(week),
    queryFn: ({ signal }) => api<WeeklyReview>('/api/review/weekly', { query: { week }, signal }),
    placeholderData: keepPreviousData, // Keep last week's numbers on screen while the next loads.
  });
}

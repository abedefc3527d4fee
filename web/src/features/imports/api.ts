// Imports, exports and the calendar feed. Uploads go through XMLHttpRequest, not fetch: only it
// reports upload progress, which a 50 MB LinkedIn export needs. Cookie and CSRF header as api().
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeed } from '@shared/schemas/calendar.js';
import type { CsvMapping, CsvPreview, ImportReport, ImportSource } from '@shared/schemas/index.js';
import { ApiError, api, csrfHeaders, parseProblem } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';

/** Where an upload is: sending bytes (with a fraction when the browser knows the size), then the server working. */
export type UploadPhase = { phase: 'uploading'; fraction: number | null } | { phase: 'processing' };

/** Thrown when the connection failed (not an HTTP error): the server may never have seen the file. */
export class UploadNetworkError extends Error {}

export function postForm<T>(path: string, form: FormData, onPhase?: (phase: UploadPhase) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onPhase?.({ phase: 'uploading', fraction: event.lengthComputable ? event.loaded / event.total : null });
    xhr.upload.onload = () => onPhase?.({ phase: 'processing' });
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError(xhr.status, null));
        }
      } else {
        reject(new ApiError(xhr.status, parseProblem(xhr.responseText)));
      }
    };
    xhr.onerror = () => reject(new UploadNetworkError('network'));
    onPhase?.({ phase: 'uploading', fraction: 0 });
    xhr.send(form);
  });
}

export interface ImportRequest {
  source: ImportSource;
  files: File[];
  mapping?: CsvMapping;
  /** JSON backup only: delete everything in the account first. */
  replace?: boolean;
}

export function importForm({ source, files, mapping, replace }: ImportRequest): FormData {
  // Fields before files: the server reads the parts in order.
  const form = new FormData();
  form.append('source', source);
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  if (replace) form.append('replace', 'true');
  for (const file of files) form.append('file', file, file.name);
  return form;
}

/** Runs an import; on success every cached list may be stale (contacts, Today, invitations…). */
export function useRunImport(onPhase: (phase: UploadPhase) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ImportRequest) => postForm<ImportReport>('/api/imports', importForm(request), onPhase),
    // A restore can change the profile (name, language) as well: refresh everything.
    onSuccess: () => queryClient.invalidateQueries(),
    meta: { ownErrorMessage: true },
  });
}

/**
 * The preview needs only the first rows: a big CSV sends its first megabyte, not all of it.
 * (The server stops reading after a few rows, so a record cut at the end is never reached.)
 */
const PREVIEW_BYTES = 1024 * 1024;

export function useCsvPreview() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      const head = file.size > PREVIEW_BYTES ? file.slice(0, PREVIEW_BYTES) : file;
      form.append('file', head, file.name);
      return postForm<CsvPreview>('/api/imports/preview', form);
    },
    meta: { ownErrorMessage: true },
  });
}

export function useCalendarFeed() {
  return useQuery({
    queryKey: queryKeys.calendarFeed,
    queryFn: ({ signal }) => api<CalendarFeed>('/api/calendar', { signal }),
  });
}

/** Turns the feed on, or gives it a new URL (the old one stops working). */
export function useNewCalendarLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<CalendarFeed>('/api/calendar/secret', { method: 'POST' }),
    onSuccess: (feed) => queryClient.setQueryData(queryKeys.calendarFeed, feed),
  });
}

export function useTurnOffCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/calendar/secret', { method: 'DELETE' }),
    onSuccess: () => queryClient.setQueryData<CalendarFeed>(queryKeys.calendarFeed, { enabled: false, url: null }),
  });
}

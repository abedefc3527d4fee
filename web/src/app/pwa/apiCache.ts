// The service worker keeps GET /api answers for offline use (vite.config.ts, 'circulo-api').
// They are one person's data: forgotten whenever a session starts or ends, so the next person
// on this browser never sees them, even offline.
export const API_CACHE = 'circulo-api';

export async function forgetCachedApiAnswers(): Promise<void> {
  if (typeof caches === 'undefined') return; // Plain HTTP on a LAN: no Cache Storage, nothing kept.
  await caches.delete(API_CACHE);
}

// How much a caller may send. Every request body has a cap, and a refused body answers 413 with
// a problem document before anything is written (README, "Serving it on a network").

export interface InputLimits {
  /** Any JSON body: a contact with a photo (~1 MB as a data URL) is the largest the app sends. */
  jsonBytes: number;
  /** One import upload (all its files): the LinkedIn messages.csv of a heavy user is ~50 MB. */
  uploadBytes: number;
  /** POST /api/backup/restore: a heavy account's backup (30,000 contacts, 300,000 touches) is ~150 MB. */
  restoreBytes: number;
}

export const DEFAULT_LIMITS: InputLimits = {
  jsonBytes: 1.5 * 1024 ** 2,
  uploadBytes: 100 * 1024 ** 2,
  restoreBytes: 256 * 1024 ** 2,
};

export const limitsOf = (overrides: Partial<InputLimits> | undefined): InputLimits => ({ ...DEFAULT_LIMITS, ...overrides });

export const megabytes = (bytes: number) => `${Math.round((bytes / 1024 ** 2) * 10) / 10} MB`;

// Just enough form state for our forms: values, per-field errors (from the client or from the
// server's problem details), and a change handler that clears a field's error as it is edited.
import { useCallback, useState, type ChangeEvent } from 'react';

type StringKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

export function useFormState<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof T | 'form', string>>>({});

  const setValue = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => (current[key] ? { ...current, [key]: undefined } : current));
  }, []);

  /** Props for a TextInput/Textarea bound to a string field. */
  const textProps = <K extends StringKeys<T>>(key: K) => ({
    value: values[key] as string,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setValue(key, event.currentTarget.value as T[K]),
    error: errors[key],
  });

  const reset = useCallback((next: T) => {
    setValues(next);
    setErrors({});
  }, []);

  return { values, setValue, errors, setErrors, textProps, reset };
}

/** Server field errors (keyed by API field name) mapped onto a form's own field names. */
export function pickFieldErrors<T extends object>(
  fieldErrors: Record<string, string>,
  fields: readonly (keyof T & string)[],
): Partial<Record<keyof T | 'form', string>> {
  const result: Partial<Record<keyof T | 'form', string>> = {};
  const unknown: string[] = [];
  for (const [field, message] of Object.entries(fieldErrors)) {
    if ((fields as readonly string[]).includes(field)) result[field as keyof T] = message;
    else unknown.push(`${field}: ${message}`);
  }
  if (unknown.length > 0) result.form = unknown.join(' · ');
  return result;
}

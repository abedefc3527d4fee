// i18next setup: the language comes from localStorage (the user's last choice), else the
// browser; every switch is remembered and mirrored on <html lang> and dayjs (for date pickers).
import 'dayjs/locale/es';
import dayjs from 'dayjs';
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@shared/enums.js';
import { en } from './en';
import { es } from './es';

export const LANGUAGE_STORAGE_KEY = 'circulo.language';
export const supportedLanguages = ['es', 'en'] as const satisfies readonly Language[];

function applyLanguage(lng: string) {
  const language = toLanguage(lng);
  document.documentElement.lang = language;
  dayjs.locale(language);
}

export function toLanguage(lng: string | undefined): Language {
  return lng?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

i18n.on('languageChanged', applyLanguage);

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en }, es: { translation: es } },
    supportedLngs: supportedLanguages,
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes already.
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
    },
    returnNull: false,
  });

export default i18n;

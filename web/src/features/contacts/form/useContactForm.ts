// Validation and saving for the contact form: client checks with the shared schema first,
// then the server's field errors land next to the same inputs.
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Contact } from '@shared/schemas/index.js';
import { isApiError } from '../../../api/client';
import { notifySuccess } from '../../../app/queryClient';
import { pickFieldErrors, useFormState } from '../../../ui/useFormState';
import { useCreateContact, useUpdateContact } from '../api';
import {
  contactFormFields, toFormValues, toPayload, validateContact, type ClientErrorKind, type ContactFormValues,
} from './contactFormValues';

export function useContactForm(contact?: Contact) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useFormState<ContactFormValues>(() => toFormValues(contact));
  const create = useCreateContact();
  const update = useUpdateContact(contact?.id ?? '');
  const saving = create.isPending || update.isPending;

  const messages: Record<ClientErrorKind, string> = {
    needName: t('contactForm.needName'),
    email: t('errors.email'),
    url: t('errors.url'),
    date: t('errors.date'),
    number: t('errors.number'),
    invalid: t('errors.invalid'),
  };

  const submit = () => {
    const payload = toPayload(form.values);
    const problems = validateContact(payload);
    if (Object.keys(problems).length > 0) {
      form.setErrors(Object.fromEntries(Object.entries(problems).map(([field, kind]) => [field, messages[kind]])));
      return false;
    }
    const onError = (error: unknown) => {
      if (!isApiError(error)) return;
      const { introducedById, ...rest } = error.fieldErrors;
      const fieldErrors = introducedById ? { ...rest, introducedBy: introducedById } : rest;
      form.setErrors(pickFieldErrors(fieldErrors, contactFormFields));
    };
    const onSuccess = (saved: Contact) => {
      notifySuccess(t('contactForm.saved'));
      void navigate(`/contacts/${saved.id}`, { replace: Boolean(contact) });
    };
    if (contact) update.mutate(payload, { onSuccess, onError });
    else
      create.mutate(payload, {
        // Kept on the device while offline (the outbox says so): it has no page yet, so the list.
        onSuccess: (result) => (result.queued ? void navigate('/contacts') : onSuccess(result.value)),
        onError,
      });
    return true;
  };

  return { form, submit, saving };
}

export type ContactFormState = ReturnType<typeof useContactForm>['form'];

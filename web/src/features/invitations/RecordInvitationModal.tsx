import { Alert, Autocomplete, Input, Modal, SegmentedControl, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { InvitationDirection } from '@shared/enums.js';
import type { ContactRef, InvitationCreate } from '@shared/schemas/index.js';
import { isApiError } from '../../api/client';
import { notifySuccess } from '../../app/queryClient';
import { useUserToday } from '../../i18n/useFormatters';
import { ModalActions } from '../../ui/ModalActions';
import { pickFieldErrors, useFormState } from '../../ui/useFormState';
import { ContactPicker } from '../contacts/form/ContactPicker';
import { useCreateInvitation } from './api';
import { networkSuggestions } from './status';

interface Values {
  direction: InvitationDirection;
  who: 'new' | 'existing';
  contact: ContactRef | null;
  firstName: string;
  lastName: string;
  company: string;
  title: string;
  profileUrl: string;
  network: string;
  receivedOn: string;
  message: string;
}

const fields = ['direction', 'contact', 'firstName', 'lastName', 'company', 'title', 'profileUrl', 'network', 'receivedOn', 'message'] as const;

const withScheme = (link: string) => (/^[a-z][a-z0-9+.-]*:/i.test(link) ? link : `https://${link}`);

/** "Someone invited me on LinkedIn": an existing contact or a new person, the network, the date and their message. */
export function RecordInvitationModal({ opened, onClose, direction }: { opened: boolean; onClose: () => void; direction: InvitationDirection }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('recordInvitation.title')} size="lg">
      {opened && <RecordInvitationForm initialDirection={direction} onDone={onClose} />}
    </Modal>
  );
}

function RecordInvitationForm({ initialDirection, onDone }: { initialDirection: InvitationDirection; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const today = useUserToday();
  const create = useCreateInvitation();
  const directionId = useId();
  const whoId = useId();
  const form = useFormState<Values>({
    direction: initialDirection,
    who: 'new',
    contact: null,
    firstName: '',
    lastName: '',
    company: '',
    title: '',
    profileUrl: '',
    network: 'LinkedIn',
    receivedOn: today,
    message: '',
  });
  const { values } = form;
  const incoming = values.direction === 'incoming';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Partial<Record<keyof Values, string>> = {};
    if (values.who === 'existing' && !values.contact) errors.contact = t('errors.required');
    if (values.who === 'new' && !values.firstName.trim()) errors.firstName = t('errors.required');
    if (!values.network.trim()) errors.network = t('errors.required');
    if (Object.keys(errors).length > 0) return form.setErrors(errors);

    const body: InvitationCreate = {
      direction: values.direction,
      network: values.network.trim().toLowerCase() === 'linkedin' ? 'linkedin' : values.network.trim(),
      receivedOn: values.receivedOn || undefined,
      message: values.message,
      ...(values.who === 'existing'
        ? { contactId: values.contact?.id }
        : {
            newContact: {
              firstName: values.firstName,
              lastName: values.lastName,
              company: values.company,
              title: values.title,
              profileUrl: values.profileUrl.trim() ? withScheme(values.profileUrl.trim()) : undefined,
            },
          }),
    };
    create.mutate(body, {
      onSuccess: (invitation) => {
        onDone();
        if (invitation.direction === 'incoming') {
          notifySuccess(t('recordInvitation.recordedIncoming'));
          void navigate(`/invitations/${invitation.id}`);
        } else {
          notifySuccess(t('recordInvitation.recorded'));
        }
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        // `newContact.firstName` → firstName: the form shows the new person's fields flat.
        const flat: Record<string, string> = {};
        for (const { field, message } of error.problem?.errors ?? []) {
          const name = field.split(/[./[\]]+/).filter((part) => part && part !== 'body' && part !== 'newContact')[0] ?? field;
          flat[name === 'contactId' ? 'contact' : name] ??= message;
        }
        form.setErrors(pickFieldErrors(flat, fields));
      },
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('recordInvitation.title')}>
      <Stack gap="md">
        {form.errors.form && <Alert color="red">{form.errors.form}</Alert>}
        <Input.Wrapper label={t('recordInvitation.direction')} labelElement="div" id={directionId}>
          <SegmentedControl
            fullWidth
            mt={4}
            aria-labelledby={`${directionId}-label`}
            value={values.direction}
            onChange={(v) => form.setValue('direction', v as InvitationDirection)}
            data={[
              { value: 'incoming', label: t('recordInvitation.incoming') },
              { value: 'outgoing', label: t('recordInvitation.outgoing') },
            ]}
          />
        </Input.Wrapper>
        <Input.Wrapper label={t('recordInvitation.who')} labelElement="div" id={whoId}>
          <SegmentedControl
            fullWidth
            mt={4}
            aria-labelledby={`${whoId}-label`}
            value={values.who}
            onChange={(v) => form.setValue('who', v as Values['who'])}
            data={[
              { value: 'new', label: t('recordInvitation.newPerson') },
              { value: 'existing', label: t('recordInvitation.existing') },
            ]}
          />
        </Input.Wrapper>
        {values.who === 'existing' ? (
          <ContactPicker
            label={t('recordInvitation.contact')}
            value={values.contact}
            onChange={(c) => form.setValue('contact', c)}
            error={form.errors.contact}
          />
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput label={t('recordInvitation.firstName')} required autoComplete="off" data-autofocus {...form.textProps('firstName')} />
              <TextInput label={t('recordInvitation.lastName')} autoComplete="off" {...form.textProps('lastName')} />
              <TextInput label={t('recordInvitation.company')} {...form.textProps('company')} />
              <TextInput label={t('recordInvitation.jobTitle')} {...form.textProps('title')} />
            </SimpleGrid>
            <TextInput
              label={t('recordInvitation.profileUrl')}
              placeholder={t('recordInvitation.profileUrlPlaceholder')}
              type="url"
              inputMode="url"
              {...form.textProps('profileUrl')}
            />
          </>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Autocomplete
            label={t('recordInvitation.network')}
            data={networkSuggestions}
            value={values.network}
            onChange={(v) => form.setValue('network', v)}
            error={form.errors.network}
            required
          />
          <TextInput
            type="date"
            label={incoming ? t('recordInvitation.receivedOn') : t('recordInvitation.sentOn')}
            max={today}
            {...form.textProps('receivedOn')}
          />
        </SimpleGrid>
        <Textarea
          label={incoming ? t('recordInvitation.theirMessage') : t('recordInvitation.yourNote')}
          description={t('recordInvitation.optional')}
          autosize
          minRows={2}
          maxRows={8}
          {...form.textProps('message')}
        />
        <ModalActions submitLabel={t('recordInvitation.submit')} loading={create.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

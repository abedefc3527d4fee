import { Alert, Card, SimpleGrid, Stack, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Contact } from '@shared/schemas/index.js';
import { BirthdayInput } from './BirthdayInput';
import { MultiTextInput } from './MultiTextInput';
import { RelationshipFields } from './RelationshipFields';
import { useContactForm } from './useContactForm';
import classes from './ContactForm.module.css';
import { ModalActions } from '../../../ui/ModalActions';

/** Create or edit a contact: every field of docs/domain.md#contacts, grouped the way people think about someone. */
export function ContactForm({ contact }: { contact?: Contact }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { form, submit, saving } = useContactForm(contact);
  const { values, errors, setValue } = form;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!submit()) window.scrollTo({ top: 0, behavior: 'smooth' });
  };
  useHotkeys([['mod+Enter', () => submit()]], []); // Save from anywhere, even inside a textarea.

  return (
    <form onSubmit={onSubmit} noValidate aria-label={contact ? t('contactForm.editTitle', { name: contact.displayName }) : t('contactForm.newTitle')}>
      <Stack gap="lg">
        {errors.form && <Alert color="red">{errors.form}</Alert>}
        <Section title={t('contactForm.sectionName')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label={t('contactForm.firstName')} autoComplete="off" data-autofocus {...form.textProps('firstName')} />
            <TextInput label={t('contactForm.lastName')} autoComplete="off" {...form.textProps('lastName')} />
          </SimpleGrid>
          <TextInput
            label={t('contactForm.displayName')}
            description={t('contactForm.displayNameHint')}
            placeholder={[values.firstName, values.lastName].filter(Boolean).join(' ')}
            {...form.textProps('displayName')}
          />
        </Section>

        <Section title={t('contactForm.sectionReach')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <MultiTextInput
              label={t('contactForm.emails')}
              itemLabel={(n) => t('contactForm.email', { n })}
              addLabel={t('contactForm.addEmail')}
              type="email"
              value={values.emails}
              onChange={(v) => setValue('emails', v)}
              error={errors.emails}
            />
            <MultiTextInput
              label={t('contactForm.phones')}
              itemLabel={(n) => t('contactForm.phone', { n })}
              addLabel={t('contactForm.addPhone')}
              type="tel"
              value={values.phones}
              onChange={(v) => setValue('phones', v)}
              error={errors.phones}
            />
          </SimpleGrid>
          <MultiTextInput
            label={t('contactForm.links')}
            description={t('contactForm.linksHint')}
            itemLabel={(n) => t('contactForm.link', { n })}
            addLabel={t('contactForm.addLink')}
            type="url"
            value={values.links}
            onChange={(v) => setValue('links', v)}
            error={errors.links}
          />
        </Section>

        <Section title={t('contactForm.sectionWork')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput label={t('contactForm.company')} {...form.textProps('company')} />
            <TextInput label={t('contactForm.jobTitle')} {...form.textProps('title')} />
            <TextInput label={t('contactForm.location')} {...form.textProps('location')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TagsInput label={t('commonGround.schools')} description={t('commonGround.schoolsHint')} value={values.schools} onChange={(v) => setValue('schools', v)} splitChars={[',']} error={errors.schools} />
            <TagsInput label={t('commonGround.pastCompanies')} description={t('contactForm.listHint')} value={values.pastCompanies} onChange={(v) => setValue('pastCompanies', v)} splitChars={[',']} error={errors.pastCompanies} />
          </SimpleGrid>
        </Section>

        <Section title={t('contactForm.sectionRelationship')}>
          <RelationshipFields form={form} contactId={contact?.id} />
        </Section>

        <Section title={t('contactForm.sectionPersonal')}>
          <BirthdayInput value={values.birthday} onChange={(v) => setValue('birthday', v)} error={errors.birthday} />
          <Textarea label={t('contactForm.notes')} autosize minRows={3} maxRows={12} {...form.textProps('notes')} />
        </Section>

        <ModalActions submitLabel={t('common.save')} loading={saving} onCancel={() => void navigate(-1)} className={classes.actions} />
      </Stack>
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card component="fieldset" className={classes.section}>
      <Title order={2} size="h5" component="legend" className={classes.legend}>
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </Card>
  );
}

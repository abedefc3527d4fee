import { ActionIcon, Alert, Button, Checkbox, Fieldset, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash, IconUsersPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_REFERRALS } from '@shared/rules/campaigns.js';
import type { CampaignMember } from '@shared/schemas/index.js';
import { isApiError } from '../../api/client';
import { notifySuccess } from '../../app/queryClient';
import { ModalActions } from '../../ui/ModalActions';
import { useAddReferrals } from './api';

interface Person {
  key: number;
  firstName: string;
  lastName: string;
  company: string;
  note: string;
}

const MAX_PEOPLE = 20; // As many as the server takes in one go.
let nextKey = 0;
const blank = (): Person => ({ key: nextKey++, firstName: '', lastName: '', company: '', note: '' });
const isBlank = (p: Person) => !p.firstName.trim() && !p.lastName.trim() && !p.company.trim() && !p.note.trim();

/**
 * "Who else should I talk to?": asked after a meeting. Each name becomes a contact introduced by
 * the member (source referral) and, unless unticked, joins the campaign.
 */
export function ReferralsModal({ campaignId, member, onClose }: { campaignId: string; member: CampaignMember; onClose: () => void }) {
  const { t } = useTranslation();
  const name = member.contact.displayName;
  const save = useAddReferrals(campaignId, member.contactId);
  // Two empty rows: the goal is two names, shown rather than told.
  const [people, setPeople] = useState<Person[]>(() => Array.from({ length: Math.max(1, MIN_REFERRALS - member.referrals) }, blank));
  const [joinCampaign, setJoinCampaign] = useState(true);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const filled = people.filter((p) => !isBlank(p));
  const total = member.referrals + filled.length;
  const edit = (key: number, field: keyof Omit<Person, 'key'>, value: string) => {
    setPeople((current) => current.map((p) => (p.key === key ? { ...p, [field]: value } : p)));
    if (field === 'firstName') setErrors((current) => ({ ...current, [key]: '' }));
    setFormError(null);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const missing = Object.fromEntries(filled.filter((p) => !p.firstName.trim()).map((p) => [p.key, t('errors.required')]));
    if (Object.keys(missing).length) return setErrors(missing);
    if (filled.length === 0) return setFormError(t('referrals.needOne'));
    save.mutate(
      {
        people: filled.map((p) => ({
          firstName: p.firstName.trim(),
          lastName: p.lastName.trim() || null,
          company: p.company.trim() || null,
          note: p.note.trim() || null,
        })),
        joinCampaign,
      },
      {
        onSuccess: (result) => {
          notifySuccess(t('referrals.saved', { count: result.contacts.length, name }));
          onClose();
        },
        onError: (error) => isApiError(error) && setFormError(Object.values(error.fieldErrors)[0] ?? error.message),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('referrals.title')} size="lg">
      <form onSubmit={onSubmit} noValidate aria-label={t('referrals.title')}>
        <Stack gap="md">
          <Text size="sm">{t('referrals.intro', { name })}</Text>
          {member.referrals > 0 && (
            <Text size="sm" c="dimmed">
              {t('referrals.soFar', { name, count: member.referrals })}
            </Text>
          )}
          {formError && <Alert color="red">{formError}</Alert>}
          {people.map((person, i) => (
            <Fieldset key={person.key} legend={t('referrals.person', { n: i + 1 })} p="sm" pt={4} radius="md">
              <Stack gap="xs">
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                  <TextInput
                    label={t('referrals.firstName')}
                    value={person.firstName}
                    onChange={(e) => edit(person.key, 'firstName', e.currentTarget.value)}
                    error={errors[person.key] || undefined}
                    data-autofocus={i === 0 || undefined}
                    autoComplete="off"
                  />
                  <TextInput
                    label={t('referrals.lastName')}
                    value={person.lastName}
                    onChange={(e) => edit(person.key, 'lastName', e.currentTarget.value)}
                    autoComplete="off"
                  />
                </SimpleGrid>
                <TextInput
                  label={t('referrals.company')}
                  value={person.company}
                  onChange={(e) => edit(person.key, 'company', e.currentTarget.value)}
                  autoComplete="off"
                />
                <Group gap="xs" align="flex-end" wrap="nowrap">
                  <TextInput
                    label={t('referrals.note')}
                    placeholder={t('referrals.notePlaceholder')}
                    value={person.note}
                    onChange={(e) => edit(person.key, 'note', e.currentTarget.value)}
                    style={{ flex: 1 }}
                    autoComplete="off"
                  />
                  {people.length > 1 && (
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="lg"
                      mb={1}
                      onClick={() => setPeople((current) => current.filter((p) => p.key !== person.key))}
                      aria-label={t('referrals.removePerson', { n: i + 1 })}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  )}
                </Group>
              </Stack>
            </Fieldset>
          ))}
          <Group justify="space-between" gap="xs">
            <Button
              variant="subtle"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setPeople((current) => [...current, blank()])}
              disabled={people.length >= MAX_PEOPLE}
            >
              {t('referrals.addPerson')}
            </Button>
            <Text size="sm" c={total >= MIN_REFERRALS ? 'sage.8' : 'orange'} fw={500} aria-live="polite">
              {total === MIN_REFERRALS - 1 ? t('referrals.oneMore') : t('referrals.goal')}
            </Text>
          </Group>
          <Checkbox
            label={t('referrals.joinCampaign')}
            description={t('referrals.joinCampaignHint')}
            checked={joinCampaign}
            onChange={(e) => setJoinCampaign(e.currentTarget.checked)}
          />
          <ModalActions
            submitLabel={filled.length === 0 ? t('referrals.saveEmpty') : t('referrals.save', { count: filled.length })}
            submitIcon={<IconUsersPlus size={16} aria-hidden />}
            loading={save.isPending}
            onCancel={onClose}
            cancelLabel={t('referrals.later')}
          />
        </Stack>
      </form>
    </Modal>
  );
}

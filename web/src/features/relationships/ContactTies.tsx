import { ActionIcon, Alert, Anchor, Badge, Button, Group, Modal, Paper, Select, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { IconLink, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { relationshipKinds, type RelationshipKind } from '@shared/enums.js';
import type { Contact, ContactRef, Tie } from '@shared/schemas/index.js';
import { isApiError } from '../../api/client';
import { notifyError, notifySuccess } from '../../app/queryClient';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { LoadError } from '../../ui/LoadError';
import { ModalActions } from '../../ui/ModalActions';
import { SectionCard } from '../../ui/SectionCard';
import { ContactPicker } from '../contacts/form/ContactPicker';
import { useAddTie, useRemoveTie, useTies } from './api';

const SHOWN = 8;

/**
 * Who this contact knows among the user's contacts (docs/domain.md#ties-between-contacts): ties the
 * user typed, which can be removed here, and those read from other records, each saying where
 * it comes from.
 */
export function ContactTies({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const ties = useTies(contact.id);
  const [adding, setAdding] = useState(false);
  const [all, setAll] = useState(false);
  const items = ties.data?.items ?? [];

  return (
    <SectionCard
      title={t('ties.title')}
      hint={t('ties.hint')}
      testId="contact-ties"
      actions={
        <Button size="compact-sm" variant="light" leftSection={<IconLink size={15} aria-hidden />} onClick={() => setAdding(true)}>
          {t('ties.add')}
        </Button>
      }
    >
      {ties.isPending && <Skeleton h={40} />}
      {ties.isError && <LoadError error={ties.error} onRetry={() => void ties.refetch()} />}
      {ties.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('ties.empty')}
        </Text>
      )}
      {items.length > 0 && (
        <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('ties.title')}>
          {(all ? items : items.slice(0, SHOWN)).map((tie) => (
            <TieRow key={tie.other.id} tie={tie} contact={contact} />
          ))}
        </Stack>
      )}
      {!all && items.length > SHOWN && (
        <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => setAll(true)}>
          {t('ties.more', { count: items.length })}
        </Button>
      )}
      {adding && <AddTieModal contact={contact} onClose={() => setAdding(false)} />}
    </SectionCard>
  );
}

function TieRow({ tie, contact }: { tie: Tie; contact: Contact }) {
  const { t } = useTranslation();
  const remove = useRemoveTie(contact.id);
  const [confirming, setConfirming] = useState(false);
  const sources = tie.derived.map((d) =>
    d.source === 'shared_touch' || d.source === 'same_event'
      ? t(`ties.source.${d.source}`, { count: d.count, label: d.label ?? '' })
      : t(`ties.source.${d.source}`),
  );
  return (
    <Paper component="li" withBorder p="xs" data-testid="tie-row" aria-label={tie.other.displayName}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Anchor component={Link} to={`/contacts/${tie.other.id}`} fw={600}>
              {tie.other.displayName}
            </Anchor>
            {tie.explicit && <Badge variant="light">{t(`relationKind.${tie.explicit.kind}`)}</Badge>}
          </Group>
          {tie.explicit?.note && <Text size="sm">{tie.explicit.note}</Text>}
          {sources.length > 0 && (
            <Text size="xs" c="dimmed">
              {sources.join(' · ')}
            </Text>
          )}
        </Stack>
        {tie.explicit && (
          <ActionIcon variant="subtle" color="red" aria-label={t('ties.remove', { name: tie.other.displayName })} onClick={() => setConfirming(true)}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        )}
      </Group>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('ties.removeTitle')}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={() =>
          remove.mutate(tie.other.id, {
            onSuccess: () => {
              notifySuccess(t('ties.removed'));
              setConfirming(false);
            },
          })
        }
      >
        <Text>{t('ties.removeBody', { a: contact.displayName, b: tie.other.displayName })}</Text>
      </ConfirmModal>
    </Paper>
  );
}

function AddTieModal({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddTie(contact.id);
  const [other, setOther] = useState<ContactRef | null>(null);
  const [kind, setKind] = useState<RelationshipKind | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ otherId?: string; kind?: string; form?: string }>({});
  const title = t('ties.addTitle', { name: contact.displayName });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = { otherId: other ? undefined : t('errors.required'), kind: kind ? undefined : t('errors.required') };
    if (found.otherId || found.kind) return setErrors(found);
    add.mutate(
      { otherId: other!.id, kind: kind!, note: note.trim() || null },
      {
        onSuccess: () => {
          notifySuccess(t('ties.added'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, 409)) return setErrors({ form: t('ties.duplicate') });
          if (isApiError(error, 400)) return setErrors({ otherId: error.fieldErrors.otherId, kind: error.fieldErrors.kind });
          notifyError(error);
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={title}>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack gap="md">
          {errors.form && <Alert color="red">{errors.form}</Alert>}
          <ContactPicker label={t('ties.other')} value={other} onChange={setOther} excludeId={contact.id} error={errors.otherId} />
          <Select
            label={t('ties.kind')}
            data={relationshipKinds.map((value) => ({ value, label: t(`relationKind.${value}`) }))}
            value={kind}
            onChange={(v) => setKind(v as RelationshipKind | null)}
            error={errors.kind}
          />
          <Textarea label={t('ties.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={500} />
          <ModalActions submitLabel={t('ties.add')} loading={add.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

// Merging a pair: choose which contact to keep, see exactly what the merged contact will hold
// (the same rule the server applies, src/shared/rules/merge-two-contacts.ts), then confirm.
import { Alert, Modal, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { mergeContacts, type MergeableContact } from '@shared/rules/merge-two-contacts.js';
import type { DuplicatePair, DuplicateSide } from '@shared/schemas/index.js';
import { notifySuccess } from '../../../app/queryClient';
import { useFormatters } from '../../../i18n/useFormatters';
import { ModalActions } from '../../../ui/ModalActions';
import { useMe } from '../../auth/session';
import { useMergeContacts } from './api';
import { useCountsText } from './DuplicatesPage';

/** The side as the merge rule takes it (the photo itself stays on the server). */
const mergeable = ({ hasPhoto, counts: _counts, lastInteractionAt: _last, ...side }: DuplicateSide): MergeableContact => ({
  ...side,
  photo: hasPhoto ? 'photo' : null,
});

/** Which side the merged contact should be: the one with more history, else the older. */
function defaultKept(pair: DuplicatePair): 0 | 1 {
  const weight = (s: DuplicateSide) => s.counts.interactions + s.counts.followups + s.counts.favors;
  const [a, b] = pair.contacts;
  if (weight(a) !== weight(b)) return weight(a) > weight(b) ? 0 : 1;
  return a.createdAt <= b.createdAt ? 0 : 1;
}

type ScalarField = 'displayName' | 'company' | 'title' | 'location' | 'birthday' | 'photo' | 'howMet' | 'metOn' | 'stage' | 'notes';
type ListField = 'emails' | 'phones' | 'links' | 'tags' | 'interests' | 'communities' | 'schools' | 'pastCompanies';

export function MergeModal({ pair, onClose }: { pair: DuplicatePair; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const countsOf = useCountsText();
  const merge = useMergeContacts();
  const phone = useMediaQuery('(max-width: 36em)');
  const [keptIndex, setKeptIndex] = useState<0 | 1>(() => defaultKept(pair));
  const kept = pair.contacts[keptIndex];
  const other = pair.contacts[keptIndex === 0 ? 1 : 0];
  // The note of leftover values is written in the user's profile language, as the server does.
  const language = useMe().data?.user.language ?? 'en';
  const merged = useMemo(() => mergeContacts(mergeable(kept), mergeable(other), language), [kept, other, language]);
  const fromOther = <span>{t('duplicates.fromOther', { name: other.displayName })}</span>;

  const labels: Record<ScalarField | ListField, string> = {
    displayName: t('contactForm.displayName'),
    company: t('contactForm.company'),
    title: t('contactForm.jobTitle'),
    location: t('contactForm.location'),
    birthday: t('contactForm.birthday'),
    photo: t('duplicates.photo'),
    howMet: t('contactForm.howMet'),
    metOn: t('contactForm.metOn'),
    stage: t('contactForm.stage'),
    notes: t('contactForm.notes'),
    emails: t('contactForm.emails'),
    phones: t('contactForm.phones'),
    links: t('contactForm.links'),
    tags: t('contactForm.tags'),
    interests: t('contactForm.interests'),
    communities: t('contactForm.communities'),
    schools: t('duplicates.schools'),
    pastCompanies: t('duplicates.pastCompanies'),
  };
  const shown = (field: ScalarField, value: string): string => {
    if (field === 'birthday') return format.birthday(value);
    if (field === 'metOn') return format.date(value);
    if (field === 'stage') return t(`enums.stage.${value}` as never);
    if (field === 'photo') return t('duplicates.photoYes');
    return value;
  };

  const rows: { field: string; value: ReactNode }[] = [];
  const scalars: ScalarField[] = ['displayName', 'company', 'title', 'location', 'birthday', 'photo', 'stage', 'metOn', 'howMet'];
  for (const field of scalars) {
    const value = merged[field];
    if (!value) continue;
    const came = field === 'photo' ? !kept.hasPhoto : value !== kept[field];
    rows.push({
      field,
      value: (
        <>
          {shown(field, value)}
          {came && field !== 'displayName' && <Note>{fromOther}</Note>}
        </>
      ),
    });
  }
  const lists: ListField[] = ['emails', 'phones', 'links', 'tags', 'interests', 'communities', 'schools', 'pastCompanies'];
  for (const field of lists) {
    if (merged[field].length === 0) continue;
    rows.push({
      field,
      value: (
        <Stack gap={0}>
          {merged[field].map((item) => (
            <Text key={item} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {item}
              {!kept[field].includes(item) && <Note>{fromOther}</Note>}
            </Text>
          ))}
        </Stack>
      ),
    });
  }
  if (merged.notes) {
    rows.push({
      field: 'notes',
      value: (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lineClamp={8}>
          {merged.notes}
        </Text>
      ),
    });
  }

  const confirm = () =>
    void merge.mutateAsync({ keptId: kept.id, otherId: other.id }).then(() => {
      notifySuccess(t('duplicates.merged', { other: other.displayName, kept: kept.displayName }));
      onClose();
    }, () => undefined);

  const [a, b] = pair.contacts;
  return (
    <Modal opened onClose={onClose} title={t('duplicates.mergeTitle', { a: a.displayName, b: b.displayName })} size="lg" fullScreen={phone}>
      <Stack>
        <Radio.Group
          value={String(keptIndex)}
          onChange={(value) => setKeptIndex(value === '1' ? 1 : 0)}
          label={t('duplicates.keep')}
          description={t('duplicates.keepHint')}
        >
          <Stack gap="xs" mt="xs">
            {pair.contacts.map((side, index) => (
              <Radio
                key={side.id}
                value={String(index)}
                label={side.displayName}
                description={[side.company, t('duplicates.counts', countsOf(side))].filter(Boolean).join(' · ')}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Title order={3} size="h5">
          {t('duplicates.preview')}
        </Title>
        <Table layout="fixed" verticalSpacing={6} data-testid="merge-preview">
          <Table.Tbody>
            {rows.map(({ field, value }) => (
              <Table.Tr key={field}>
                <Table.Th w={{ base: 110, xs: 150 } as never} fw={500} c="dimmed" style={{ verticalAlign: 'top' }}>
                  {labels[field as ScalarField | ListField]}
                </Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Alert variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
          {t('duplicates.moves', { name: other.displayName, kept: kept.displayName, ...countsOf(other) })}
        </Alert>
        {merge.isError && (
          <Alert color="red" variant="light" role="alert">
            {merge.error.message}
          </Alert>
        )}
        <ModalActions submitLabel={t('duplicates.confirm')} onSubmit={confirm} loading={merge.isPending} onCancel={onClose} focus="cancel" />
      </Stack>
    </Modal>
  );
}

function Note({ children }: { children: ReactNode }) {
  return (
    <Text span size="xs" c="teal" display="block">
      {children}
    </Text>
  );
}

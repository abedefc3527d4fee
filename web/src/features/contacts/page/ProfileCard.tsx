import { Anchor, Badge, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import {
  IconCake, IconHeartHandshake, IconLink, IconMail, IconMapPin, IconNotes,
  IconPhone, IconUserPlus,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isSafeLink, type Contact } from '@shared/schemas/contacts.js';
import { useFormatters } from '../../../i18n/useFormatters';
import { Detail, DetailList } from './DetailList';
import { RelationshipHealth } from './RelationshipHealth';

/** Who this person is and how to reach them, with the derived health of the relationship. */
export function ProfileCard({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const chips = [...contact.tags, ...contact.interests, ...contact.communities];

  return (
    <Card component="section" aria-labelledby="profile-heading">
      <Title order={2} size="h4" id="profile-heading" mb="md">
        {t('contact.about')}
      </Title>
      <RelationshipHealth contact={contact} />
      <Divider my="md" />
      <DetailList>
        <Detail icon={<IconMail size={16} />} label={t('contactForm.emails')}>
          {contact.emails.length > 0 && <Links items={contact.emails.map((e) => ({ href: `mailto:${e}`, text: e }))} />}
        </Detail>
        <Detail icon={<IconPhone size={16} />} label={t('contactForm.phones')}>
          {contact.phones.length > 0 && <Links items={contact.phones.map((p) => ({ href: `tel:${p.replace(/[^\d+]/g, '')}`, text: p }))} />}
        </Detail>
        <Detail icon={<IconLink size={16} />} label={t('contactForm.links')}>
          {contact.links.length > 0 && <Links external items={contact.links.map((l) => ({ href: l, text: l.replace(/^https?:\/\/(www\.)?/, '') }))} />}
        </Detail>
        <Detail icon={<IconMapPin size={16} />} label={t('contactForm.location')}>
          {contact.location}
        </Detail>
        <Detail icon={<IconCake size={16} />} label={t('contact.birthday')}>
          {contact.birthday && format.birthday(contact.birthday)}
        </Detail>
        <Detail icon={<IconUserPlus size={16} />} label={t('contact.introducedBy')}>
          {contact.introducedBy && (
            <Anchor component={Link} to={`/contacts/${contact.introducedBy.id}`} size="sm">
              {contact.introducedBy.displayName}
            </Anchor>
          )}
        </Detail>
        <Detail icon={<IconHeartHandshake size={16} />} label={t('contact.howMet')}>
          {contact.metAtEventId && contact.howMet ? (
            <>
              {/* Met at an event in Círculo: "At South Summit" opens it. */}
              <Anchor component={Link} to={`/events/${contact.metAtEventId}`} size="sm">
                {contact.howMet}
              </Anchor>
              {contact.metOn && ` · ${format.date(contact.metOn)}`}
            </>
          ) : (
            [contact.howMet, contact.metOn && format.date(contact.metOn)].filter(Boolean).join(' · ')
          )}
        </Detail>
        <Detail icon={<IconNotes size={16} />} label={t('contact.notes')}>
          {contact.notes}
        </Detail>
      </DetailList>
      {chips.length > 0 && (
        <Group gap={6} mt="md">
          {contact.tags.map((tag) => (
            <Badge key={`t-${tag}`} color="sage" variant="light" component={Link} to={`/contacts?tag=${encodeURIComponent(tag)}`} style={{ cursor: 'pointer' }}>
              {tag}
            </Badge>
          ))}
          {[...contact.interests, ...contact.communities].map((item) => (
            <Badge key={`i-${item}`} color="gray" variant="outline">
              {item}
            </Badge>
          ))}
        </Group>
      )}
    </Card>
  );
}

/** Only http(s), mailto and tel links are clickable: older data may hold `javascript:` and the like, shown as text. */
function Links({ items, external }: { items: { href: string; text: string }[]; external?: boolean }) {
  return (
    <Stack gap={2} component="span">
      {items.map((item) =>
        isSafeLink(item.href) ? (
          <Anchor key={item.href} href={item.href} size="sm" {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
            {item.text}
          </Anchor>
        ) : (
          <Text key={item.href} span size="sm">
            {item.text}
          </Text>
        ),
      )}
    </Stack>
  );
}

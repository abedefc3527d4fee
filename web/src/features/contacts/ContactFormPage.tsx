import { Anchor, Box, Skeleton, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { NotFoundScreen } from '../../app/ErrorScreen';
import { LoadError } from '../../ui/LoadError';
import { PageHeader } from '../../ui/PageHeader';
import { useContact } from './api';
import { ContactForm } from './form/ContactForm';

/** /contacts/new and /contacts/:id/edit. */
export function ContactFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const contact = useContact(id);

  if (id && contact.isError) {
    if (isApiError(contact.error, 404)) return <NotFoundScreen />;
    return <LoadError error={contact.error} onRetry={() => void contact.refetch()} />;
  }

  return (
    <Box maw={860}>
      <Anchor component={Link} to={id ? `/contacts/${id}` : '/contacts'} size="sm" c="dimmed">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: '-2px' }} />{' '}
        {id && contact.data ? contact.data.displayName : t('contact.back')}
      </Anchor>
      <PageHeader
        title={id ? t('contactForm.editTitle', { name: contact.data?.displayName ?? '' }) : t('contactForm.newTitle')}
      />
      {id && contact.isPending ? (
        <Stack>
          <Skeleton h={160} />
          <Skeleton h={240} />
        </Stack>
      ) : (
        // Keyed so the form starts fresh from the loaded contact.
        <ContactForm key={contact.data?.id ?? 'new'} contact={id ? contact.data : undefined} />
      )}
    </Box>
  );
}

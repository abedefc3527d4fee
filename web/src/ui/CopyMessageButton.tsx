// The one-click "copy this message" button of every message the app writes (welcome, advice
// request, suggested messages): it says it copied, or how to copy by hand when the browser refused.
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../app/queryClient';
import { copyText } from './clipboard';

interface CopyMessageButtonProps {
  text: string;
  /** The button's label, e.g. "Copy welcome". */
  label: string;
  /** The confirmation shown once copied, e.g. "Welcome copied — paste it into your message." */
  copiedMessage: string;
  /** Shown when the browser refused to copy. */
  failedMessage: string;
}

export function CopyMessageButton({ text, label, copiedMessage, failedMessage }: CopyMessageButtonProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  const onCopy = async () => {
    if (await copyText(text)) {
      setCopied(true);
      notifySuccess(copiedMessage);
    } else {
      notifications.show({ color: 'red', message: failedMessage });
    }
  };
  return (
    <Button
      variant={copied ? 'light' : 'filled'}
      color={copied ? 'sage' : 'coral'}
      leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
      onClick={() => void onCopy()}
    >
      {copied ? t('common.copied') : label}
    </Button>
  );
}

import { Badge, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconGift, IconMailHeart, IconMessageHeart } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { GiftIdea } from '@shared/rules/favors.js';
import type { Favor } from '@shared/schemas/favors.js';

// Gift ideas are whole phrases: let a long one wrap on a phone rather than cut it off.
const giftIdeaStyles = {
  root: { height: 'auto', paddingBlock: 2, border: '1px solid var(--mantine-color-coral-2)' },
  label: { whiteSpace: 'normal', overflow: 'visible' },
} as const;

const gestureIcon = { short_note: IconMailHeart, message_and_offer: IconMessageHeart, card_or_gift: IconGift } as const;

/** How to thank, in proportion to the effort; a large favor comes with gift ideas. */
export function GestureSuggestion({ gesture }: { gesture: Favor['suggestedGesture'] }) {
  const { t } = useTranslation();
  const Glyph = gestureIcon[gesture.gesture];
  return (
    <Paper bg="coral.0" p="xs" radius="md" data-testid="gesture-suggestion">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <ThemeIcon color="coral" variant="light" radius="xl" size="md" aria-hidden>
          <Glyph size={16} />
        </ThemeIcon>
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Text size="sm" fw={500}>
            {t('loop.suggestedGesture', { gesture: t(`gesture.${gesture.gesture}`) })}
          </Text>
          {gesture.giftIdeas.length > 0 && (
            <Group gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('loop.giftIdeas')}>
              {gesture.giftIdeas.map((idea) => (
                <Badge key={idea} component="li" color="coral" variant="white" size="md" styles={giftIdeaStyles}>
                  {t(`giftIdea.${idea as GiftIdea}`)}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

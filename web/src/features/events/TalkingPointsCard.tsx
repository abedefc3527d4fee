import { useTranslation } from 'react-i18next';
import type { EventDetail } from '@shared/schemas/index.js';
import { SectionCard } from '../../ui/SectionCard';
import { useUpdateEvent } from './api';
import { LineListEditor } from './LineListEditor';

/** What I want to say or learn at this event; each change is saved as it is made. */
export function TalkingPointsCard({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const update = useUpdateEvent(event.id);
  return (
    <SectionCard title={t('events.talkingPoints.title')} hint={t('events.talkingPoints.hint')} testId="event-talking-points">
      <LineListEditor
        label={t('events.talkingPoints.title')}
        hideLabel
        placeholder={t('events.talkingPoints.placeholder')}
        addLabel={t('events.talkingPoints.add')}
        removeLabel={(line) => t('events.talkingPoints.remove', { line })}
        value={update.isPending && update.variables.talkingPoints ? (update.variables.talkingPoints as string[]) : event.talkingPoints}
        onChange={(talkingPoints) => update.mutate({ talkingPoints })}
        disabled={update.isPending}
      />
    </SectionCard>
  );
}

import {
  DndContext, DragOverlay, KeyboardSensor, MouseSensor, TouchSensor, rectIntersection, useDraggable, useDroppable, useSensor, useSensors,
  type Announcements, type DragEndEvent, type DragStartEvent, type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { campaignStages, type CampaignStage } from '@shared/enums.js';
import type { CampaignMember } from '@shared/schemas/index.js';
import type { MemberActions } from './memberActions';
import { MemberCard } from './MemberCard';
import { stageColor } from './stageStyle';
import classes from './MemberBoard.module.css';

const isStage = (id: unknown): id is CampaignStage => campaignStages.includes(id as CampaignStage);

/**
 * With the keyboard, left and right jump a whole column (the default moves 25 px a press);
 * up and down do nothing, since order within a column is by name.
 */
const columnByColumn: KeyboardCoordinateGetter = (event, { context: { droppableRects, collisionRect } }) => {
  const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  if (!collisionRect || (!step && !['ArrowUp', 'ArrowDown'].includes(event.code))) return undefined;
  event.preventDefault();
  if (!step) return undefined;
  const columns = [...droppableRects.values()].sort((a, b) => a.left - b.left);
  const centre = collisionRect.left + collisionRect.width / 2;
  const here = columns.findIndex((r) => centre >= r.left && centre <= r.right);
  const target = columns[(here === -1 ? 0 : here) + step];
  if (!target) return undefined;
  return { x: target.left + (target.width - collisionRect.width) / 2, y: collisionRect.top };
};

/** Members in columns by stage; drag a card (mouse, touch or keyboard) to move it. */
export function MemberBoard({ members, actions }: { members: CampaignMember[]; actions: MemberActions }) {
  const { t } = useTranslation();
  const [activeId, setActiveId] = useState<string | null>(null);
  const sensors = useSensors(
    // A few pixels before a drag starts, so clicks on the card's buttons stay clicks.
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // A long press on a phone, so a swipe still scrolls the board.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnByColumn }),
  );
  const byId = new Map(members.map((m) => [m.contactId, m]));
  const active = activeId ? byId.get(activeId) : undefined;
  const nameOf = (id: string | number) => byId.get(String(id))?.contact.displayName ?? '';
  const stageName = (id: string | number | undefined) => (isStage(id) ? t(`campaignStage.${id}`) : '');

  const announcements: Announcements = {
    onDragStart: ({ active: a }) => t('campaignDnd.start', { name: nameOf(a.id) }),
    onDragOver: ({ active: a, over }) =>
      over ? t('campaignDnd.over', { name: nameOf(a.id), stage: stageName(over.id) }) : t('campaignDnd.notOver', { name: nameOf(a.id) }),
    onDragEnd: ({ active: a, over }) =>
      over ? t('campaignDnd.end', { name: nameOf(a.id), stage: stageName(over.id) }) : t('campaignDnd.endNowhere', { name: nameOf(a.id) }),
    onDragCancel: ({ active: a }) => t('campaignDnd.cancel', { name: nameOf(a.id) }),
  };

  const onDragStart = ({ active: a }: DragStartEvent) => setActiveId(String(a.id));
  const onDragEnd = ({ active: a, over }: DragEndEvent) => {
    setActiveId(null);
    const member = byId.get(String(a.id));
    if (member && over && isStage(over.id) && over.id !== member.stage) actions.move(member, over.id);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={rectIntersection}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setActiveId(null)}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('campaignDnd.instructions') } }}
    >
      <div className={classes.board} data-testid="member-board">
        {campaignStages.map((stage) => (
          <Column key={stage} stage={stage} members={members.filter((m) => m.stage === stage)} actions={actions} />
        ))}
      </div>
      <DragOverlay dropAnimation={null}>{active ? <MemberCard member={active} actions={actions} overlay /> : null}</DragOverlay>
    </DndContext>
  );
}

function Column({ stage, members, actions }: { stage: CampaignStage; members: CampaignMember[]; actions: MemberActions }) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  const headingId = `column-${stage}`;
  return (
    <section ref={setNodeRef} className={classes.column} data-over={isOver || undefined} aria-labelledby={headingId} data-testid={`column-${stage}`}>
      <Stack gap={0} className={classes.columnHeader} style={{ borderTopColor: `var(--mantine-color-${stageColor[stage]}-5)` }}>
        <Group justify="space-between" wrap="nowrap" gap={6}>
          <Text component="h3" id={headingId} fw={650} size="sm" m={0}>
            {t(`campaignStage.${stage}`)}
          </Text>
          <Badge size="sm" circle color={stageColor[stage]} variant={members.length ? 'filled' : 'light'} aria-label={String(members.length)}>
            {members.length}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t(`campaignStageHint.${stage}`)}
        </Text>
      </Stack>
      {/* A list only when it has members: a role="list" must hold list items, not an empty-state line. */}
      {members.length > 0 ? (
        <Stack gap={6} role="list" aria-labelledby={headingId} className={classes.cards}>
          {members.map((member) => (
            <DraggableCard key={member.contactId} member={member} actions={actions} />
          ))}
        </Stack>
      ) : (
        <div className={classes.cards}>
          <Text size="xs" c="dimmed" ta="center" py="sm" className={classes.emptyColumn}>
            {t('campaignMember.emptyColumn')}
          </Text>
        </div>
      )}
    </section>
  );
}

function DraggableCard({ member, actions }: { member: CampaignMember; actions: MemberActions }) {
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, isDragging } = useDraggable({ id: member.contactId });
  return (
    <MemberCard
      member={member}
      actions={actions}
      drag={{ setNodeRef, setHandleRef: setActivatorNodeRef, attributes, listeners, dragging: isDragging }}
    />
  );
}

import {
  IconBrandLinkedin, IconCalendarEvent, IconCoffee, IconDots, IconMail, IconMailOpened, IconMessage,
  IconMessages, IconPhone, IconShare, IconToolsKitchen2, IconUsers, IconVideo, type Icon,
} from '@tabler/icons-react';
import type { Channel } from '@shared/enums.js';

const icons: Record<Channel, Icon> = {
  in_person: IconUsers,
  coffee: IconCoffee,
  meal: IconToolsKitchen2,
  call: IconPhone,
  video: IconVideo,
  email: IconMail,
  linkedin: IconBrandLinkedin,
  message: IconMessage,
  social: IconShare,
  forum: IconMessages,
  event: IconCalendarEvent,
  letter: IconMailOpened,
  other: IconDots,
};

export function ChannelIcon({ channel, size = 16 }: { channel: Channel; size?: number }) {
  const Glyph = icons[channel];
  return <Glyph size={size} stroke={1.7} aria-hidden />;
}

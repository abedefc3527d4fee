import { app } from './app';
import { duplicates } from './duplicates';
import { campaigns } from './campaigns';
import { enums } from './enums';
import { events } from './events';
import { favors } from './favors';
import { imports } from './imports';
import { invitations } from './invitations';
import { profile } from './profile';
import { relationships } from './relationships';
import { review } from './review';
import { security } from './security';
import { templates } from './templates';
import { users } from './users';
import { email } from './email';
import { ties } from './ties';

export const en = { ...app, ...relationships, ...favors, ...review, ...invitations, ...templates, ...profile, ...duplicates, ...imports, ...events, ...campaigns, ...security, ...users, ...email, ...ties, enums };
export type Messages = typeof en;

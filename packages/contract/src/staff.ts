import { staffInviteSchema, staffRoles } from '@folkemote/domain';
import { z } from 'zod';

export const staffInviteBody = staffInviteSchema.meta({
  id: 'StaffInvite',
  examples: [{ displayName: 'Kari Presentatør', role: 'presenter', email: 'kari@example.no' }],
});

/** A host, presenter or moderator link as the organiser sees it: never the link itself. */
export const staffLinkSchema = z
  .object({
    id: z.string(),
    role: z.enum(staffRoles),
    displayName: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'StaffLink' });
export type StaffLink = z.output<typeof staffLinkSchema>;

export const staffLinkListSchema = z.object({ staff: z.array(staffLinkSchema) });

/** A new link: the only answer that carries its address. */
export const newStaffLinkSchema = staffLinkSchema
  .extend({ joinUrl: z.string(), emailed: z.boolean() })
  .meta({ id: 'NewStaffLink' });
export type NewStaffLink = z.output<typeof newStaffLinkSchema>;

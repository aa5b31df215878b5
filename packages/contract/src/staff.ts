import { staffInviteSchema } from '@folkemote/domain';

export const staffInviteBody = staffInviteSchema.meta({
  id: 'StaffInvite',
  examples: [{ displayName: 'Kari Presentatør', role: 'presenter', email: 'kari@example.no' }],
});

import { z } from 'zod';

export const locales = ['nb', 'nn', 'en'] as const;
export type Locale = (typeof locales)[number];
export const OSLO_TZ = 'Europe/Oslo';

export const slugSchema = z
  .string()
  .min(3, 'must be at least 3 characters')
  .max(80, 'must be at most 80 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens');

export const contactSchema = z.object({
  name: z.string().min(1).max(200),
  email: z.email(),
  phone: z.string().max(40).nullable().optional(),
});

export const eventInputSchema = z
  .object({
    slug: slugSchema,
    title: z.string().min(3).max(200),
    description: z.string().max(20_000).default(''),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    organisationSlug: slugSchema,
    language: z.enum(locales).default('nb'),
    contact: contactSchema,
  })
  .refine((e) => Date.parse(e.endsAt) > Date.parse(e.startsAt), {
    message: 'must be after startsAt',
    path: ['endsAt'],
  });
export type EventInput = z.infer<typeof eventInputSchema>;

/** The public view of an event: what replay pages and the API show. */
export interface PublicEvent {
  id: string;
  slug: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  language: Locale;
  organisation: { slug: string; name: string };
  contact: { name: string; email: string; phone: string | null };
}

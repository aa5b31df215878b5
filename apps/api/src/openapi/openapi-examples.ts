import {
  chaptersPublishSchema,
  eventEditSchema,
  eventPatchSchema,
  pollAnswerSchema,
  pollInputSchema,
  pollPatchSchema,
  qaSettingsPatchSchema,
  questionBulkSchema,
  questionInputSchema,
  questionMergeSchema,
  questionPatchSchema,
  registrationCheckInSchema,
  registrationInputSchema,
  staffInviteSchema,
} from '@folkemote/domain';
import { eventMessageInputSchema } from '@folkemote/registration';
import type { z } from 'zod';
import { loginBodySchema } from '../routes/auth.ts';
import {
  roomIdentityBodySchema,
  roomJoinBodySchema,
  roomMuteBodySchema,
  roomStageBodySchema,
} from '../routes/live-room.ts';
import { apiTokenInputSchema } from '../routes/organiser-api-tokens.ts';
import { passwordResetRequestSchema, passwordResetSchema } from '../routes/password-reset.ts';

/**
 * Every request body the API takes, as a zod schema (what the route really
 * checks) with an example. The document's JSON Schemas are generated from the
 * same zod schemas, and a test parses each example with them.
 */
export const requestBodies = {
  StaffInvite: {
    schema: staffInviteSchema,
    example: { displayName: 'Kari Presentatør', role: 'presenter', email: 'kari@example.no' },
  },
  CheckIn: {
    schema: registrationCheckInSchema,
    example: { checkedIn: true },
  },
  ApiTokenInput: {
    schema: apiTokenInputSchema,
    example: { name: 'Fylkets CMS' },
  },
  EventInput: {
    schema: eventEditSchema,
    example: {
      title: 'Kommuneplanens samfunnsdel – innspillsmøte',
      slug: 'kommuneplan-innspill',
      description: 'Vi går gjennom **planforslaget** og tar imot innspill.',
      startsAt: '2027-03-10T10:00',
      endsAt: '2027-03-10T11:30:00+01:00',
      mode: 'hybrid',
      address: 'Rådhuset, Storgata 1, 8900 Brønnøysund',
      language: 'nb',
      registrationOpensAt: null,
      registrationClosesAt: '2027-03-09T12:00',
      capacity: null,
      roomCapacity: 80,
      waitlistEnabled: true,
      contact: { name: 'Planrådgiver', email: 'plan@kommune.example.no', phone: '+47 75 00 00 00' },
      recorded: true,
      retentionDays: 30,
      customQuestions: [{ id: 'tema', label: 'Hvilket tema er du mest opptatt av?', required: false }],
    },
  },
  EventPatch: {
    schema: eventPatchSchema,
    example: { startsAt: '2027-03-10T12:00', endsAt: '2027-03-10T13:30', capacity: 100 },
  },
  LoginInput: {
    schema: loginBodySchema,
    example: { email: 'arrangor@kommune.example.no', password: 'et langt og hemmelig passord' },
  },
  PasswordResetRequestInput: {
    schema: passwordResetRequestSchema,
    example: { email: 'arrangor@kommune.example.no', language: 'nn' },
  },
  PasswordResetInput: {
    schema: passwordResetSchema,
    example: {
      token: 'fmr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      password: 'et nytt langt og hemmelig passord',
    },
  },
  RegistrationInput: {
    schema: registrationInputSchema,
    example: {
      name: 'Kari Nordmann',
      email: 'kari@example.no',
      organisation: 'Sømna kommune',
      accessibilityNeeds: 'Teksting',
      answers: { tema: 'Folkehelse' },
      consent: true,
    },
  },
  EventMessageInput: {
    schema: eventMessageInputSchema,
    example: {
      subject: 'Lenke til presentasjonen',
      body: 'Takk for at du deltok. Presentasjonen ligger her: …',
    },
  },
  QuestionInput: {
    schema: questionInputSchema,
    example: { text: 'Når blir den nye gang- og sykkelveien ferdig?', anonymous: false },
  },
  QuestionPatch: {
    schema: questionPatchSchema,
    example: { status: 'highlighted', text: 'Når blir den nye gang- og sykkelveien ferdig?' },
  },
  QuestionMerge: {
    schema: questionMergeSchema,
    example: { into: '6f1c2a52-4a43-4f0e-9c1a-0d1f1b9a7e21' },
  },
  QuestionBulk: {
    schema: questionBulkSchema,
    example: { ids: ['6f1c2a52-4a43-4f0e-9c1a-0d1f1b9a7e21'], status: 'dismissed' },
  },
  QaSettingsPatch: {
    schema: qaSettingsPatchSchema,
    example: {
      preModeration: true,
      questionsAtEnd: true,
      qaStarted: false,
      questionsBeforeStart: true,
      sort: 'popular',
    },
  },
  PollInput: {
    schema: pollInputSchema,
    example: {
      question: 'Hvilken dag passer best for neste møte?',
      options: ['Tirsdag', 'Torsdag'],
      multiple: false,
      resultsVisibility: 'everyone',
    },
  },
  PollPatch: { schema: pollPatchSchema, example: { status: 'open' } },
  PollAnswer: { schema: pollAnswerSchema, example: { choices: [1] } },
  ChaptersPublish: {
    schema: chaptersPublishSchema,
    example: { recordingId: '0b9e8f2a-3c4d-4e5f-8a6b-7c8d9e0f1a2b' },
  },
  RoomJoinInput: {
    schema: roomJoinBodySchema,
    example: { joinToken: 'fmp_Qm9va2luZ3MgYXJlIGZ1biwgdG9rZW5zIGFyZSBzZWNyZXQ' },
  },
  RoomStageInput: {
    schema: roomStageBodySchema,
    example: { identity: 'reg_6f1c2a52-4a43-4f0e-9c1a-0d1f1b9a7e21', onStage: true },
  },
  RoomIdentityInput: {
    schema: roomIdentityBodySchema,
    example: { identity: 'reg_6f1c2a52-4a43-4f0e-9c1a-0d1f1b9a7e21' },
  },
  RoomMuteInput: {
    schema: roomMuteBodySchema,
    example: { identity: 'staff_0b9e8f2a-3c4d-4e5f-8a6b-7c8d9e0f1a2b', trackSid: 'TR_AMkSbZ7Dq2vTxN' },
  },
} satisfies Record<string, { schema: z.ZodType; example: unknown }>;

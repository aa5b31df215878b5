import type { ComponentType } from 'react';
import { ApiTokensPage } from '../api-tokens/api-tokens-page.tsx';
import { CheckInPage } from '../attendance/check-in-page.tsx';
import { EventRegistrationsPage } from '../attendance/event-registrations-page.tsx';
import { ForgotPasswordPage } from '../auth/forgot-password-page.tsx';
import { OrganiserGate } from '../auth/organiser-gate.tsx';
import { ResetPasswordPage } from '../auth/reset-password-page.tsx';
import { SignInPage } from '../auth/sign-in-page.tsx';
import { EventEditorPage } from '../event-editor/event-editor-page.tsx';
import { OrganiserEventsPage } from '../event-editor/organiser-events-page.tsx';
import { EventPage } from '../events/event-page.tsx';
import { EventPrivacyPage } from '../events/event-privacy-page.tsx';
import { HomePage } from '../events/home-page.tsx';
import { LazyModeratorPage, LazyPresenterPage } from '../questions/lazy-questions-pages.tsx';
import { CaptionEditorPage } from '../recordings/captions-editor/caption-editor-page.tsx';
import { RecordingsPage } from '../recordings/recordings-page.tsx';
import { RecordingReviewPage } from '../recordings/review/recording-review-page.tsx';
import { TrimPage } from '../recordings/trim/trim-page.tsx';
import { PersonalLinkPage } from '../registration/personal-link-page.tsx';
import { LazyRoomPage } from '../room/lazy-room-page.tsx';
import { useFocusOnNavigation } from '../shared/use-focus-on-navigation.ts';
import { useDocumentLanguage, useLocale } from '../shared/use-locale.ts';
import { AccessibilityPage } from './accessibility-page.tsx';
import { Layout } from './layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { useLocation } from './router/use-location.ts';
import { matchRoute, type RouteName } from './routes.ts';

/** A page for signed-in organisers only. */
function organiserOnly(Page: ComponentType): ComponentType {
  return function OrganiserPage() {
    return (
      <OrganiserGate>
        <Page />
      </OrganiserGate>
    );
  };
}

const pages: Record<RouteName, ComponentType> = {
  home: HomePage,
  recordings: organiserOnly(RecordingsPage),
  captionEditor: organiserOnly(CaptionEditorPage),
  descriptionEditor: organiserOnly(CaptionEditorPage),
  recordingReview: organiserOnly(RecordingReviewPage),
  recordingTrim: organiserOnly(TrimPage),
  signIn: SignInPage,
  forgotPassword: ForgotPasswordPage,
  resetPassword: ResetPasswordPage,
  organiserEvents: organiserOnly(OrganiserEventsPage),
  newEvent: organiserOnly(EventEditorPage),
  editEvent: organiserOnly(EventEditorPage),
  eventRegistrations: organiserOnly(EventRegistrationsPage),
  eventCheckIn: organiserOnly(CheckInPage),
  apiTokens: organiserOnly(ApiTokensPage),
  accessibility: AccessibilityPage,
  event: EventPage,
  eventPrivacy: EventPrivacyPage,
  eventRoom: LazyRoomPage,
  eventModerator: LazyModeratorPage,
  eventPresenter: LazyPresenterPage,
  personalLink: PersonalLinkPage,
  notFound: NotFoundPage,
};

export function App() {
  const { pathname } = useLocation();
  const { locale } = useLocale();
  useDocumentLanguage(locale);
  useFocusOnNavigation(pathname);
  const route = matchRoute(pathname);
  const Page = pages[route];
  return (
    <Layout wide={route === 'eventRoom'}>
      <Page />
    </Layout>
  );
}

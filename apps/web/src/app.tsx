import type { ComponentType } from 'react';
import { Layout } from './components/layout.tsx';
import { OrganiserGate } from './components/organiser-gate.tsx';
import { useFocusOnNavigation } from './hooks/use-focus-on-navigation.ts';
import { useDocumentLanguage, useLocale } from './hooks/use-locale.ts';
import { AccessibilityPage } from './pages/accessibility-page.tsx';
import { ApiTokensPage } from './pages/api-tokens-page.tsx';
import { CheckInPage } from './pages/check-in-page.tsx';
import { EventEditorPage } from './pages/event-editor-page.tsx';
import { EventPage } from './pages/event-page.tsx';
import { EventPrivacyPage } from './pages/event-privacy-page.tsx';
import { EventRegistrationsPage } from './pages/event-registrations-page.tsx';
import { ForgotPasswordPage } from './pages/forgot-password-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { OrganiserEventsPage } from './pages/organiser-events-page.tsx';
import { PersonalLinkPage } from './pages/personal-link-page.tsx';
import { RecordingsPage } from './pages/recordings-page.tsx';
import { ResetPasswordPage } from './pages/reset-password-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { LazyModeratorPage, LazyPresenterPage } from './questions/lazy-qa-pages.tsx';
import { LazyRoomPage } from './room/lazy-room-page.tsx';
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

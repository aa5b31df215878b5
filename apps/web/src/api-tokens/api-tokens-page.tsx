import { useLocale, usePageTitle } from '../shared/use-locale.ts';
import { ApiTokens } from './api-tokens.tsx';

/** Where organisers make and revoke their organisation's API tokens, without a shell. */
export function ApiTokensPage() {
  const { t } = useLocale();
  const s = t.organiser.apiTokens;
  usePageTitle(t.layout.pageTitle(s.title));
  return (
    <>
      <div className="page-intro">
        <h1 tabIndex={-1}>{s.title}</h1>
        <p className="lead">{s.intro}</p>
      </div>
      <ApiTokens />
    </>
  );
}

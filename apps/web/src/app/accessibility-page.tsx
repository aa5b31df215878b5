import { useLocale, usePageTitle } from '../shared/use-locale.ts';

export function AccessibilityPage() {
  const { t } = useLocale();
  const a = t.accessibility;
  usePageTitle(t.layout.pageTitle(a.title));
  return (
    <article className="prose">
      <h1 tabIndex={-1}>{a.title}</h1>
      <p className="lead">{a.intro}</p>
      <h2>{a.testingHeading}</h2>
      <p>{a.testing}</p>
      <h2>{a.limitationsHeading}</h2>
      <ul>
        {a.limitations.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <h2>{a.feedbackHeading}</h2>
      <p>{a.feedback}</p>
      <p>
        {a.registryText} <a href="https://www.uustatus.no/">{a.registryLink}</a>.
      </p>
    </article>
  );
}

import { type QuestionSort, questionSorts } from '@folkemote/domain';
import { useId } from 'react';
import { useLocale } from '../shared/use-locale.ts';

/** The order of the list: popular (votes, then oldest) or recent. */
export function SortChoice({
  sort,
  onChange,
  legend,
}: {
  sort: QuestionSort;
  onChange: (sort: QuestionSort) => void;
  /** What the choice is for, when not the viewer's own list. */
  legend?: string;
}) {
  const { t } = useLocale();
  const id = useId();
  return (
    <fieldset className="qa-sort">
      <legend>{legend ?? t.qa.sortLegend}</legend>
      {questionSorts.map((option) => (
        <div className="qa-sort__option" key={option}>
          <input
            type="radio"
            id={`${id}-${option}`}
            name={`${id}-sort`}
            value={option}
            checked={sort === option}
            onChange={() => onChange(option)}
          />
          <label htmlFor={`${id}-${option}`}>{t.qa.sorts[option]}</label>
        </div>
      ))}
    </fieldset>
  );
}

import type { PublicEvent } from '@folkemote/domain';

/** The contact person as name, e-mail link and (when given) a phone link that dials without spaces. */
export function ContactLinks({ contact }: { contact: PublicEvent['contact'] }) {
  return (
    <>
      {contact.name}, <a href={`mailto:${contact.email}`}>{contact.email}</a>
      {contact.phone ? (
        <>
          ,{' '}
          <a className="nowrap" href={`tel:${contact.phone.replace(/\s+/g, '')}`}>
            {contact.phone}
          </a>
        </>
      ) : null}
    </>
  );
}

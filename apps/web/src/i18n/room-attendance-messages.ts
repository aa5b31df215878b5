import type { Locale } from '@folkemote/domain';

/** The organiser's attendance section: who of the registrants was in the live room, and how long. */
export interface RoomAttendanceMessages {
  heading: string;
  intro: string;
  loading: string;
  registered: string;
  attended: string;
  /** A hybrid event's counts by how registrants take part. */
  registeredInPerson: string;
  registeredOnline: string;
  checkedIn: string;
  attendedOnline: string;
  replayViews: string;
  notCounted: string;
  notCountedReason: string;
  csv: string;
  caption: string;
  name: string;
  wasThere: string;
  firstJoined: string;
  minutes: string;
  yes: string;
  no: string;
  none: string;
}

export const roomAttendanceMessages: Record<Locale, RoomAttendanceMessages> = {
  nb: {
    heading: 'Deltakelse i webinaret',
    intro: 'Hvem av de påmeldte som var med i webinaret, når de kom først, og hvor mange minutter i alt.',
    loading: 'Henter deltakelsen …',
    registered: 'Påmeldt',
    attended: 'Deltok',
    registeredInPerson: 'Påmeldt, kommer i salen',
    registeredOnline: 'Påmeldt, deltar digitalt',
    checkedIn: 'Krysset av i døra',
    attendedOnline: 'Deltok digitalt',
    replayViews: 'Så opptaket',
    notCounted: 'Telles ikke',
    notCountedReason:
      'Opptaket vises uten informasjonskapsler og uten sporing, så ingen visninger blir registrert.',
    csv: 'Last ned deltakelsen (CSV)',
    caption: 'Deltakelse per påmeldt',
    name: 'Navn',
    wasThere: 'Deltok',
    firstJoined: 'Først med',
    minutes: 'Minutter i alt',
    yes: 'Ja',
    no: 'Nei',
    none: 'Ingen er påmeldt ennå.',
  },
  nn: {
    heading: 'Deltaking i webinaret',
    intro: 'Kven av dei påmelde som var med i webinaret, når dei kom først, og kor mange minutt i alt.',
    loading: 'Hentar deltakinga …',
    registered: 'Påmeld',
    attended: 'Deltok',
    registeredInPerson: 'Påmeld, kjem i salen',
    registeredOnline: 'Påmeld, deltek digitalt',
    checkedIn: 'Kryssa av i døra',
    attendedOnline: 'Deltok digitalt',
    replayViews: 'Såg opptaket',
    notCounted: 'Vert ikkje talt',
    notCountedReason:
      'Opptaket blir vist utan informasjonskapslar og utan sporing, så ingen visingar blir registrerte.',
    csv: 'Last ned deltakinga (CSV)',
    caption: 'Deltaking per påmeld',
    name: 'Namn',
    wasThere: 'Deltok',
    firstJoined: 'Først med',
    minutes: 'Minutt i alt',
    yes: 'Ja',
    no: 'Nei',
    none: 'Ingen er påmelde enno.',
  },
  en: {
    heading: 'Attendance in the webinar',
    intro:
      'Who of the registrants was in the webinar, when they first joined, and for how many minutes in all.',
    loading: 'Loading the attendance …',
    registered: 'Registered',
    attended: 'Attended',
    registeredInPerson: 'Registered, in the room',
    registeredOnline: 'Registered, online',
    checkedIn: 'Checked in at the door',
    attendedOnline: 'Attended online',
    replayViews: 'Watched the replay',
    notCounted: 'Not counted',
    notCountedReason: 'The replay is shown without cookies or tracking, so no views are recorded.',
    csv: 'Download the attendance (CSV)',
    caption: 'Attendance per registrant',
    name: 'Name',
    wasThere: 'Attended',
    firstJoined: 'First joined',
    minutes: 'Total minutes',
    yes: 'Yes',
    no: 'No',
    none: 'Nobody has registered yet.',
  },
};

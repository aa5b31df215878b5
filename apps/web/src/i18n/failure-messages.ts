import type { Locale, RecordingFailure } from '@folkemote/domain';

type Known = Exclude<RecordingFailure, { code: 'other' }>;

/** Why a recording failed, in the organiser's language, from the API's code and numbers. */
export const failureMessages: Record<Locale, (f: Known) => string> = {
  nb: (f) => {
    switch (f.code) {
      case 'not_media':
        return 'Filen er ikke et video- eller lydopptak.';
      case 'still_image':
        return 'Filen er et stillbilde, ikke et opptak.';
      case 'playlist':
        return 'Filen er en spilleliste eller en liste over andre filer, ikke selve opptaket. Last opp video- eller lydfilen.';
      case 'format_refused':
        return `Filformatet (${f.format}) tas ikke imot. Last opp MP4, MOV, MKV, WebM, MP3, M4A, WAV eller lignende.`;
      case 'truncated':
        return 'Filen er avkuttet: den slutter før opptaket gjør det. Last opp hele filen på nytt.';
      case 'unfinished':
        return 'Opptaket ble ikke avsluttet ordentlig (MP4-indeksen mangler), så filen kan ikke leses.';
      case 'empty':
        return 'Filen er tom.';
      case 'missing':
        return 'Filen finnes ikke lenger i lageret. Last den opp på nytt.';
      case 'unreadable':
        return 'Filen kan ikke leses.';
      case 'no_streams':
        return 'Filen inneholder verken lyd eller bilde.';
      case 'zero_duration':
        return 'Opptaket varer null sekunder.';
      case 'no_picture_size':
        return 'Videoen har ingen bildestørrelse og kan ikke vises.';
      case 'audio_unmeasurable':
        return 'Lyden i opptaket kunne ikke måles.';
      case 'recording_aborted':
        return 'Opptaket ble avbrutt før det var ferdig.';
      case 'recording_limit':
        return 'Opptaket nådde tidsgrensen sin.';
      case 'processing_failed':
        return `Behandlingen mislyktes etter ${f.attempts} forsøk. Prøv igjen; hjelper ikke det, kontakt brukerstøtte med den tekniske detaljen under.`;
    }
  },
  nn: (f) => {
    switch (f.code) {
      case 'not_media':
        return 'Fila er ikkje eit video- eller lydopptak.';
      case 'still_image':
        return 'Fila er eit stillbilete, ikkje eit opptak.';
      case 'playlist':
        return 'Fila er ei speleliste eller ei liste over andre filer, ikkje sjølve opptaket. Last opp video- eller lydfila.';
      case 'format_refused':
        return `Filformatet (${f.format}) blir ikkje teke imot. Last opp MP4, MOV, MKV, WebM, MP3, M4A, WAV eller liknande.`;
      case 'truncated':
        return 'Fila er avkutta: ho sluttar før opptaket gjer det. Last opp heile fila på nytt.';
      case 'unfinished':
        return 'Opptaket vart ikkje avslutta skikkeleg (MP4-indeksen manglar), så fila kan ikkje lesast.';
      case 'empty':
        return 'Fila er tom.';
      case 'missing':
        return 'Fila finst ikkje lenger i lageret. Last ho opp på nytt.';
      case 'unreadable':
        return 'Fila kan ikkje lesast.';
      case 'no_streams':
        return 'Fila inneheld verken lyd eller bilete.';
      case 'zero_duration':
        return 'Opptaket varer null sekund.';
      case 'no_picture_size':
        return 'Videoen har inga biletstorleik og kan ikkje visast.';
      case 'audio_unmeasurable':
        return 'Lyden i opptaket kunne ikkje målast.';
      case 'recording_aborted':
        return 'Opptaket vart avbrote før det var ferdig.';
      case 'recording_limit':
        return 'Opptaket nådde tidsgrensa si.';
      case 'processing_failed':
        return `Behandlinga mislukkast etter ${f.attempts} forsøk. Prøv igjen; hjelper ikkje det, kontakt brukarstøtta med den tekniske detaljen under.`;
    }
  },
  en: (f) => {
    switch (f.code) {
      case 'not_media':
        return 'The file is not a video or audio recording.';
      case 'still_image':
        return 'The file is a still image, not a recording.';
      case 'playlist':
        return 'The file is a playlist or a list of other files, not the recording itself. Upload the video or audio file.';
      case 'format_refused':
        return `The file format (${f.format}) is not accepted. Upload MP4, MOV, MKV, WebM, MP3, M4A, WAV or similar.`;
      case 'truncated':
        return 'The file is cut short: it ends before the recording does. Upload the whole file again.';
      case 'unfinished':
        return 'The recording was not finished properly (the MP4 index is missing), so the file cannot be read.';
      case 'empty':
        return 'The file is empty.';
      case 'missing':
        return 'The file is no longer in storage. Upload it again.';
      case 'unreadable':
        return 'The file cannot be read.';
      case 'no_streams':
        return 'The file contains neither video nor audio.';
      case 'zero_duration':
        return 'The recording lasts zero seconds.';
      case 'no_picture_size':
        return 'The video has no picture size and cannot be shown.';
      case 'audio_unmeasurable':
        return 'The sound of the recording could not be measured.';
      case 'recording_aborted':
        return 'The recording was aborted before it finished.';
      case 'recording_limit':
        return 'The recording reached its time limit.';
      case 'processing_failed':
        return `Processing failed after ${f.attempts} attempts. Try again; if that does not help, contact support with the technical detail below.`;
    }
  },
};

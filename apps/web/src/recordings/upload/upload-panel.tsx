import type { OrganiserEvent, RecordingUploadView } from '@folkemote/contract';
import { type FormEvent, type RefObject, useCallback, useEffect, useId, useRef, useState } from 'react';
import { fetchOrganiserEvents } from '../../event-editor/organiser-events-api.ts';
import { type UploadMessages, uploadMessages } from '../../i18n/upload-messages.ts';
import { ApiError } from '../../shared/api-error.ts';
import { FormField } from '../../shared/form-field.tsx';
import { useLocale } from '../../shared/use-locale.ts';
import { isSameFile } from './format-upload.ts';
import { UnfinishedUploads } from './unfinished-uploads.tsx';
import { abortUpload, fetchOpenUploads, startUpload } from './upload-api.ts';
import { UploadProgress } from './upload-progress.tsx';
import { useMultipartUpload } from './use-multipart-upload.ts';
import './upload-panel.css';

/**
 * Upload a recording from the browser, straight to storage in parts: pick a file (and an event),
 * follow the bar, pause and resume; a lost connection is retried on its own, and a reload resumes
 * when the same file is picked again.
 */
export function UploadPanel({ onUploaded }: { onUploaded: () => void }) {
  const { locale } = useLocale();
  const m = uploadMessages[locale];
  const id = useId();
  const [title, setTitle] = useState('');
  const [event, setEvent] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [events, setEvents] = useState<OrganiserEvent[]>([]);
  const [open, setOpen] = useState<RecordingUploadView[]>([]);
  const [errors, setErrors] = useState<{ title?: string; file?: string }>({});
  const [starting, setStarting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const { upload, snapshot, begin, pause, resume, clear } = useMultipartUpload();

  const reloadOpen = useCallback(() => {
    fetchOpenUploads().then(setOpen, () => setOpen([]));
  }, []);
  useEffect(() => {
    reloadOpen();
    fetchOrganiserEvents().then(setEvents, () => setEvents([]));
  }, [reloadOpen]);

  const status = snapshot?.status;
  const previous = useRef<typeof status>(undefined);
  useEffect(() => {
    const before = previous.current;
    previous.current = status;
    if (!status || !upload) return;
    if (status === 'paused') setNotice(m.paused);
    if (status === 'completing') setNotice(m.completing);
    if (status === 'running' && (before === 'paused' || before === 'offline')) setNotice(m.resumed);
    if (status === 'failed') setFailure(describe(snapshot?.error));
    if (status === 'done') {
      setNotice(m.done(upload.title));
      setTitle('');
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      reloadOpen();
      onUploaded();
    }
    // Only a change of status says something new.
  }, [status]);

  function describe(error: unknown): string {
    return error instanceof ApiError && error.status !== null ? m.refused(error.code) : m.refused('');
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (starting || (status && status !== 'done' && status !== 'failed')) return;
    const found: typeof errors = {};
    if (!file) found.file = m.noFile;
    const resumable = file ? open.find((u) => isSameFile(file, u)) : undefined;
    if (!resumable && title.trim().length < 3) found.title = m.titleTooShort;
    setErrors(found);
    setFailure(null);
    if (!file || Object.keys(found).length > 0) return;
    if (resumable) {
      setNotice(m.resuming(resumable.fileName));
      begin(file, resumable);
      return;
    }
    setStarting(true);
    try {
      const created = await startUpload({
        title: title.trim(),
        ...(event ? { event } : {}),
        fileName: file.name,
        fileSize: file.size,
        fileModified: file.lastModified,
        contentType: file.type || 'application/octet-stream',
      });
      setNotice(null);
      begin(file, created);
    } catch (error) {
      setFailure(describe(error));
    } finally {
      setStarting(false);
    }
  }

  async function cancel() {
    if (!upload) return;
    clear();
    await abortUpload(upload.id).catch(() => undefined);
    setNotice(m.cancelled);
    reloadOpen();
  }

  async function discard(u: RecordingUploadView) {
    await abortUpload(u.id).catch(() => undefined);
    setNotice(m.cancelled);
    reloadOpen();
  }

  const offline = status === 'offline' ? m.offline(snapshot?.retryInSeconds ?? 0) : null;
  const active = status !== undefined && status !== 'done';
  return (
    <section className="panel upload-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m.heading}</h2>
      <p className="field__hint">{m.intro}</p>
      <UnfinishedUploads
        m={m}
        locale={locale}
        uploads={active ? [] : open}
        onDiscard={(u) => void discard(u)}
      />
      {active && upload && snapshot ? (
        <UploadProgress
          m={m}
          locale={locale}
          fileName={upload.fileName}
          snapshot={snapshot}
          onPause={pause}
          onResume={resume}
          onCancel={() => void cancel()}
        />
      ) : (
        <UploadForm
          m={m}
          id={id}
          events={events}
          errors={errors}
          starting={starting}
          fileInput={fileInput}
          title={[title, setTitle]}
          event={[event, setEvent]}
          onFile={setFile}
          onSubmit={(e) => void submit(e)}
        />
      )}
      <div role="status" aria-live="polite" className="upload-panel__status">
        {offline ? <p>{offline}</p> : notice ? <p>{notice}</p> : null}
      </div>
      {failure ? (
        <p className="inline-error" role="alert">
          {m.failed} {failure}
        </p>
      ) : null}
    </section>
  );
}

/** The title, the event and the file; picking the file of an unfinished upload resumes it. */
function UploadForm({
  m,
  id,
  events,
  errors,
  starting,
  fileInput,
  title: [title, setTitle],
  event: [event, setEvent],
  onFile,
  onSubmit,
}: {
  m: UploadMessages;
  id: string;
  events: OrganiserEvent[];
  errors: { title?: string; file?: string };
  starting: boolean;
  fileInput: RefObject<HTMLInputElement | null>;
  title: [string, (value: string) => void];
  event: [string, (value: string) => void];
  onFile: (file: File | null) => void;
  onSubmit: (e: FormEvent) => void;
}) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormField id={`${id}-title`} label={m.title} hint={m.titleHint} error={errors.title}>
        {(props) => <input {...props} type="text" value={title} onChange={(e) => setTitle(e.target.value)} />}
      </FormField>
      <div className="field field--narrow">
        <label htmlFor={`${id}-event`}>{m.event}</label>
        <select id={`${id}-event`} value={event} onChange={(e) => setEvent(e.target.value)}>
          <option value="">{m.noEvent}</option>
          {events.map((ev) => (
            <option key={ev.slug} value={ev.slug}>
              {ev.title}
            </option>
          ))}
        </select>
      </div>
      <FormField id={`${id}-file`} label={m.file} hint={m.fileHint} error={errors.file}>
        {(props) => (
          <input
            {...props}
            ref={fileInput}
            type="file"
            accept="video/*,audio/*,.mkv,.ts,.mts"
            onChange={(e) => onFile(e.target.files?.[0] ?? null)}
          />
        )}
      </FormField>
      <button type="submit" className="button" aria-disabled={starting || undefined}>
        {starting ? m.starting : m.start}
      </button>
    </form>
  );
}

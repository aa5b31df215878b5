import { useLocale } from '../shared/use-locale.ts';

export type PublishKind = 'camera' | 'microphone' | 'screen';

/**
 * Camera, microphone and screen-share toggles. Each keeps its name and says whether it is on
 * with aria-pressed (and a struck-through icon when off, so the state is not colour alone).
 * `unavailableId` points at the text that says why they cannot work here: the buttons stay
 * focusable and announced, but do nothing.
 */
export function PublishControls({
  on,
  busy,
  onToggle,
  unavailableId,
}: {
  on: Record<PublishKind, boolean>;
  busy?: PublishKind | null;
  onToggle: (kind: PublishKind) => void;
  unavailableId?: string;
}) {
  const { t } = useLocale();
  const c = t.room.controls;
  const labels: Record<PublishKind, string> = {
    camera: c.camera,
    microphone: c.microphone,
    screen: c.screen,
  };
  return (
    <div className="publish-controls">
      {(['microphone', 'camera', 'screen'] as const).map((kind) => (
        <button
          key={kind}
          type="button"
          className={`button button--secondary toggle${on[kind] ? ' toggle--on' : ''}`}
          aria-pressed={on[kind]}
          aria-disabled={unavailableId || busy === kind ? true : undefined}
          aria-describedby={unavailableId}
          onClick={() => {
            if (!unavailableId && busy !== kind) onToggle(kind);
          }}
        >
          <ToggleIcon kind={kind} on={on[kind]} />
          {labels[kind]}
        </button>
      ))}
    </div>
  );
}

function ToggleIcon({ kind, on }: { kind: PublishKind; on: boolean }) {
  const shape =
    kind === 'microphone' ? (
      <>
        <rect x="6" y="2" width="4" height="8" rx="2" />
        <path d="M4 8a4 4 0 0 0 8 0M8 12v2" fill="none" />
      </>
    ) : kind === 'camera' ? (
      <>
        <rect x="1.5" y="4" width="9" height="8" rx="1.5" />
        <path d="M10.5 7l4-2v6l-4-2z" />
      </>
    ) : (
      <>
        <rect x="1.5" y="2.5" width="13" height="9" rx="1" fill="none" />
        <path d="M5 14h6" fill="none" />
      </>
    );
  return (
    <svg className="toggle__icon" viewBox="0 0 16 16" width="18" height="18" aria-hidden="true">
      {shape}
      {on ? null : <path className="toggle__strike" d="M2 2l12 12" fill="none" />}
    </svg>
  );
}

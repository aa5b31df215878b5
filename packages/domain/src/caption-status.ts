/**
 * Captions and description tracks are drafts until an organiser approves them; only approved
 * ones are public (replay and embed pages, transcript, search) and count for WCAG.
 */
export const captionStatuses = ['draft', 'approved'] as const;
export type CaptionStatus = (typeof captionStatuses)[number];

/** A text track: captions (WCAG 1.2.2) or a description track (1.2.5, WebVTT kind="descriptions"). */
export const captionKinds = ['captions', 'descriptions'] as const;
export type CaptionKind = (typeof captionKinds)[number];

/**
 * How a recording meets audio description (1.2.5), as its organiser records it: everything shown
 * was said aloud (a statement on the replay page), or a description track.
 */
export const audioDescriptionModes = ['said_aloud', 'track'] as const;
export type AudioDescriptionMode = (typeof audioDescriptionModes)[number];

/** Where a recording stands on one success criterion, as the organiser's tracker shows it. */
export type CriterionStatus = 'met' | 'draft' | 'missing';

export interface AccessibilityStatus {
  /** 1.2.2: captions approved in at least one language; 'draft' when only drafts exist. */
  captions: CriterionStatus;
  /** 1.2.5: said aloud, or an approved description track in the 'track' mode. */
  audioDescription: CriterionStatus;
}

/** The tracker's 1.2.2 and 1.2.5 for one recording, from its tracks and its description mode. */
export function accessibilityStatus(
  tracks: ReadonlyArray<{ kind: CaptionKind; status: CaptionStatus }>,
  mode: AudioDescriptionMode | null,
): AccessibilityStatus {
  const of = (kind: CaptionKind): CriterionStatus => {
    const own = tracks.filter((t) => t.kind === kind);
    if (own.some((t) => t.status === 'approved')) return 'met';
    return own.length > 0 ? 'draft' : 'missing';
  };
  let audioDescription: CriterionStatus = 'missing';
  if (mode === 'said_aloud') audioDescription = 'met';
  else if (mode === 'track') audioDescription = of('descriptions') === 'met' ? 'met' : 'draft';
  else if (of('descriptions') !== 'missing') audioDescription = 'draft';
  return { captions: of('captions'), audioDescription };
}

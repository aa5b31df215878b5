import { useLocale } from '../shared/use-locale.ts';

/**
 * The stage without a media server: says so instead of trying to connect. Staff learn what is
 * missing; the audience, in plain words, that there is no video and what still works.
 */
export function StandInStage({ staff, noticeId }: { staff: boolean; noticeId: string }) {
  const { t } = useLocale();
  return (
    <div className="stage stage--stand-in">
      <p id={noticeId}>{staff ? t.room.stage.standIn : t.room.stage.standInAudience}</p>
    </div>
  );
}

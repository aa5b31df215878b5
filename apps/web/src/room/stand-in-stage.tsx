import { useLocale } from '../hooks/use-locale.ts';

/** The stage without a media server: says so plainly, instead of trying to connect. */
export function StandInStage({ noticeId }: { noticeId: string }) {
  const { t } = useLocale();
  return (
    <div className="stage stage--stand-in">
      <div className="notice">
        <p id={noticeId}>{t.room.stage.standIn}</p>
      </div>
    </div>
  );
}

// Badges: those held, each with the day it was won, and those still to earn with what
// earns them, so the next step is always in view.
import type { MyRecognition } from '../types.ts';

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function BadgeLists({ held, toEarn }: Pick<MyRecognition, 'toEarn'> & { held: MyRecognition['badges'] }) {
  return (
    <div className="recognition-badges">
      <section aria-labelledby="badges-held">
        <h3 id="badges-held">Earned</h3>
        {held.length === 0 ? <p className="muted">No badges yet: your first share earns one.</p> : (
          <ul className="plain-list badge-cards">
            {held.map((badge) => (
              <li key={badge.id} className="badge-card badge-card--earned" data-testid="badge-earned">
                <p className="badge-card__name"><span aria-hidden="true">★ </span>{badge.name}</p>
                <p className="badge-card__how">{badge.earnedBy}</p>
                <p className="badge-card__when">Earned <time dateTime={badge.awardedAt}>{dayFormat.format(new Date(badge.awardedAt))}</time></p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="badges-to-earn">
        <h3 id="badges-to-earn">Still to earn</h3>
        {toEarn.length === 0 ? <p className="muted">You hold every badge. Thank you!</p> : (
          <ul className="plain-list badge-cards">
            {toEarn.map((badge) => (
              <li key={badge.id} className="badge-card" data-testid="badge-to-earn">
                <p className="badge-card__name">{badge.name}</p>
                <p className="badge-card__how">{badge.earnedBy}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

// What reviewers said about a reply: each decision with its comment and, when the
// comment is about a part of the text, that part quoted from the text they reviewed.
import { DateTime } from '../../../ui/date-time.tsx';
import { reviewDecisionLabels, type Review } from '../types.ts';

export function ReviewList({ reviews }: { reviews: readonly Review[] }) {
  if (reviews.length === 0) return null;
  return (
    <ol className="plain-list reviews" aria-label="Reviews">
      {reviews.map((review) => (
        <li key={review.id} className={`review review--${review.decision}`} data-decision={review.decision}>
          <p className="review__head">
            <strong>{reviewDecisionLabels[review.decision]}</strong>
            {review.reviewerName && <> by {review.reviewerName}</>}
            {' · '}<span className="muted small"><DateTime value={review.at} /></span>
          </p>
          {review.span && (
            <blockquote className="review__quote" data-testid="review-quote">
              {review.reviewedText.slice(review.span.start, review.span.end)}
            </blockquote>
          )}
          {review.comment && <p className="review__comment">{review.comment}</p>}
        </li>
      ))}
    </ol>
  );
}

// Review before publishing, as the incident and maintenance forms do it: the first
// submit asks for a preview and shows it, the second publishes what was reviewed.
import { useState } from "react";
import type { CombinedError } from "urql";
import { formErrors, NO_ERRORS, type FormErrors } from "./mutation-errors.js";

/** What a publish mutation answered. */
export interface PublishAnswer<A> {
  answer: A | null | undefined;
  error?: CombinedError | null;
}

interface ReviewedPublish<P> {
  /** The preview being reviewed; null while editing. */
  review: P | null;
  setReview: (review: P | null) => void;
  errors: FormErrors;
  setErrors: (errors: FormErrors) => void;
  /** Sends the form: a preview is kept as `review`, a publish handed to `onPublished`; errors are shown either way. */
  submit: (preview: boolean) => Promise<void>;
}

/**
 * `send(preview)` runs the mutation; `published` picks the publication out of its
 * answer (null for an error); `shownFields` are the fields the form shows errors beside.
 */
export function useReviewedPublish<A extends { __typename?: string }, P>(
  send: (preview: boolean) => Promise<PublishAnswer<A>>,
  published: (answer: A | null | undefined) => P | null,
  onPublished: (publication: P) => void,
  shownFields: readonly string[],
): ReviewedPublish<P> {
  const [review, setReview] = useState<P | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const submit = async (preview: boolean) => {
    const { answer, error } = await send(preview);
    const found = formErrors(answer, error, shownFields);
    setErrors(found);
    const publication = found === NO_ERRORS ? published(answer) : null;
    if (!publication) setReview(null);
    else if (preview) setReview(publication);
    else onPublished(publication);
  };
  return { review, setReview, errors, setErrors, submit };
}

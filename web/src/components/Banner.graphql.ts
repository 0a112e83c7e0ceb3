import { graphql, type ResultOf } from "../graphql.js";

/** A page's overall status, as the banner and the page list show it. */
export const STATUS_SUMMARY_FIELDS = graphql(`
  fragment StatusSummaryFields on StatusSummary { status sentence }
`);

export type StatusSummary = ResultOf<typeof STATUS_SUMMARY_FIELDS>;

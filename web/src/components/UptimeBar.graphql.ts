import { graphql, type ResultOf } from "../graphql.js";

/** 90 days of a component's uptime, as its bar shows them. */
export const UPTIME_FIELDS = graphql(`
  fragment UptimeFields on Uptime {
    percentage
    days { date uptime worst incidentIds }
  }
`);

export type Uptime = ResultOf<typeof UPTIME_FIELDS>;
export type UptimeDay = Uptime["days"][number];

/** The name of an incident a day's tooltip lists. */
export const IncidentNameQuery = graphql(`
  query IncidentName($id: ID!) { incident(id: $id) { id name } }
`);

// The `Affected components` fieldset: each component at No impact or Under maintenance.
import type { SchemaType } from "../../src/graphql.js";

type Impact = SchemaType<"MaintenanceImpactLevel">;

/** Impacts by component id; components left out have no impact. */
export type Impacts = Record<string, Impact>;

/** One radio pair per component. */
export function ComponentImpacts({
  components,
  value,
  onChange,
}: {
  components: readonly { id: string; name: string }[];
  value: Impacts;
  onChange: (next: Impacts) => void;
}) {
  return (
    <fieldset>
      <legend>Affected components</legend>
      {components.map((c) => (
        <fieldset key={c.id} className="impact-choice">
          <legend>{c.name}</legend>
          {(["NO_IMPACT", "UNDER_MAINTENANCE"] as const).map((impact) => (
            <label key={impact} className="check">
              <input
                type="radio"
                name={`impact-${c.id}`}
                checked={(value[c.id] ?? "NO_IMPACT") === impact}
                onChange={() => onChange({ ...value, [c.id]: impact })}
              />{" "}
              {impact === "NO_IMPACT" ? "No impact" : "Under maintenance"}
            </label>
          ))}
        </fieldset>
      ))}
    </fieldset>
  );
}

/** The impacts as the API takes them. */
export const impactInput = (impacts: Impacts) => Object.entries(impacts).map(([componentId, impact]) => ({ componentId, impact }));

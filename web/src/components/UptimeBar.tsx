// 90 days as one bar. One tab stop per bar (arrow keys move between days), so a
// keyboard user is not made to tab through 90 buttons per component; the day
// under the pointer or focus describes itself through a tooltip.
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { useQuery } from "urql";
import { formatDay, formatPercent } from "../format.js";
import { COMPONENT_STATUS } from "../status.js";
import { StatusLabel } from "./StatusLabel.js";
import { IncidentNameQuery, type Uptime, type UptimeDay } from "./UptimeBar.graphql.js";

export { UPTIME_FIELDS } from "./UptimeBar.graphql.js";

function dayLabel(day: UptimeDay): string {
  if (day.uptime === null) return `${formatDay(day.date)}: no data`;
  const count = day.incidentIds.length;
  const incidents = count === 0 ? "" : `, ${count} incident${count === 1 ? "" : "s"}`;
  return `${formatDay(day.date)}: ${COMPONENT_STATUS[day.worst].label}${incidents}`;
}

const KEY_STEP: Record<string, (index: number, last: number) => number> = {
  ArrowLeft: (i) => Math.max(0, i - 1),
  ArrowRight: (i, last) => Math.min(last, i + 1),
  Home: () => 0,
  End: (_, last) => last,
};

export function UptimeBar({ name, uptime }: { name: string; uptime: Uptime }) {
  const { days } = uptime;
  const last = days.length - 1;
  const [focusIndex, setFocusIndex] = useState(last);
  const [active, setActive] = useState<number | null>(null);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const tooltipId = useId();

  const onKeyDown = (event: KeyboardEvent) => {
    const step = KEY_STEP[event.key];
    if (!step) return;
    event.preventDefault();
    const next = step(focusIndex, last);
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };

  return (
    <div className="uptime">
      {/* biome-ignore lint/a11y/useSemanticElements: a roving-tabindex row of day buttons, not a form control group a fieldset would imply */}
      <div
        className="uptime-bar"
        role="group"
        aria-label={`${name} uptime, last ${days.length} days: ${formatPercent(uptime.percentage)}`}
        onKeyDown={onKeyDown}
        onMouseLeave={() => setActive(null)}
      >
        {days.map((day, i) => (
          <button
            key={day.date}
            type="button"
            ref={(el) => void (buttons.current[i] = el)}
            className={`day tone-${day.uptime === null ? "none" : COMPONENT_STATUS[day.worst].tone}`}
            tabIndex={i === focusIndex ? 0 : -1}
            aria-label={dayLabel(day)}
            aria-describedby={active === i ? tooltipId : undefined}
            onFocus={() => {
              setFocusIndex(i);
              setActive(i);
            }}
            onBlur={() => setActive(null)}
            onMouseEnter={() => setActive(i)}
          />
        ))}
        {active !== null && days[active] && <DayTooltip id={tooltipId} day={days[active]} position={active / Math.max(1, last)} />}
      </div>
      <div className="uptime-legend" aria-hidden="true">
        <span>{days.length} days ago</span>
        <span>{formatPercent(uptime.percentage)} uptime</span>
        <span>Today</span>
      </div>
    </div>
  );
}

function DayTooltip({ id, day, position }: { id: string; day: UptimeDay; position: number }) {
  return (
    // Slides from left-aligned at the first day to right-aligned at today, so it never leaves the bar.
    <div id={id} role="tooltip" className="tooltip" style={{ left: `${position * 100}%`, transform: `translateX(-${position * 100}%)` }}>
      <strong>{formatDay(day.date)}</strong>
      {day.uptime === null ? <span>No data</span> : <StatusLabel status={day.worst} />}
      {day.incidentIds.length === 0 ? (
        <span>No incidents</span>
      ) : (
        <ul>
          {day.incidentIds.map((incidentId) => (
            <li key={incidentId}>
              <IncidentName id={incidentId} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Names are fetched only for the day being looked at, and cached after. */
function IncidentName({ id }: { id: string }) {
  const [{ data, fetching }] = useQuery({ query: IncidentNameQuery, variables: { id } });
  if (fetching) return <>Loading…</>;
  return <>{data?.incident?.name ?? "An incident"}</>;
}

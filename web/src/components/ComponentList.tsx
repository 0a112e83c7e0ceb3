import type { ComponentGroup, PageComponent } from "../types.js";
import { StatusLabel } from "./StatusLabel.js";
import { UptimeBar } from "./UptimeBar.js";

function ComponentRow({ component }: { component: PageComponent }) {
  return (
    <li className="component" data-component={component.name}>
      <div className="component-head">
        <span className="component-name">{component.name}</span>
        <StatusLabel status={component.status} />
      </div>
      {component.uptime && component.uptime.days.length > 0 && <UptimeBar name={component.name} uptime={component.uptime} />}
    </li>
  );
}

/** Components under their group headings; ungrouped ones first, without a heading. */
export function ComponentList({ groups }: { groups: ComponentGroup[] }) {
  const shown = groups.filter((g) => g.components.length > 0);
  return (
    <section className="components" aria-labelledby="components-heading">
      <h2 id="components-heading">Components</h2>
      {shown.length === 0 && <p className="empty">This page lists no components yet.</p>}
      {shown.map((group, i) =>
        group.name === null ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: groups have no id; the position tells apart two runs of ungrouped components
          <ul key={`ungrouped-${i}`} className="component-list">
            {group.components.map((c) => (
              <ComponentRow key={c.id} component={c} />
            ))}
          </ul>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: groups have no id and names may repeat; the position tells them apart
          <section key={`${group.name}-${i}`} className="group" aria-label={group.name}>
            <h3>{group.name}</h3>
            <ul className="component-list">
              {group.components.map((c) => (
                <ComponentRow key={c.id} component={c} />
              ))}
            </ul>
          </section>
        ),
      )}
    </section>
  );
}

import { builder } from "../builder.js";
import type { PageAssetKind as AssetKind } from "../domain/page-assets.js";
import { COMPONENT_STATUSES, type INCIDENT_IMPACTS, type INCIDENT_STATUSES, type MAINTENANCE_IMPACTS, MAINTENANCE_STATUSES } from "../domain/types.js";

export const ComponentStatus = builder.enumType("ComponentStatus", {
  description: "Derived, never set by hand. Worst first: FULL_OUTAGE, PARTIAL_OUTAGE, DEGRADED_PERFORMANCE, UNDER_MAINTENANCE, OPERATIONAL.",
  values: COMPONENT_STATUSES,
});

export const IncidentStatus = builder.enumType("IncidentStatus", {
  values: {
    INVESTIGATING: { description: "Reporting an incident." },
    IDENTIFIED: { description: "The problem is known and a fix is being made." },
    MONITORING: { description: "A fix is in place and being watched." },
    RESOLVED: { description: "Everything is good to go; all impacts end." },
  } as const satisfies Record<(typeof INCIDENT_STATUSES)[number], unknown>,
});

export const IncidentImpactLevel = builder.enumType("IncidentImpactLevel", {
  values: {
    NO_IMPACT: { description: "The incident does not impact this component." },
    DEGRADED_PERFORMANCE: { description: "Working, but below standard performance." },
    PARTIAL_OUTAGE: { description: "Significant parts are not working." },
    FULL_OUTAGE: { description: "The component is hard down." },
  } as const satisfies Record<(typeof INCIDENT_IMPACTS)[number], unknown>,
});

export const MaintenanceStatus = builder.enumType("MaintenanceStatus", { values: MAINTENANCE_STATUSES });

export const MaintenanceImpactLevel = builder.enumType("MaintenanceImpactLevel", {
  values: {
    NO_IMPACT: { description: "The maintenance does not impact this component." },
    UNDER_MAINTENANCE: { description: "The maintenance impacts this component." },
  } as const satisfies Record<(typeof MAINTENANCE_IMPACTS)[number], unknown>,
});

export const Theme = builder.enumType("Theme", { values: ["DARK", "LIGHT"] as const });
export const PageKind = builder.enumType("PageKind", {
  values: {
    PUBLIC: { description: "Readable by anyone; lists its components." },
    CUSTOMER: { description: "One sub-page per entry of a catalog type, each visible to its customers only." },
  } as const,
});

export const PageAssetKind = builder.enumType("PageAssetKind", {
  values: {
    LOGO: { description: "The page's logo: PNG, JPEG, WebP, GIF or ICO, at most 512 KiB." },
    FAVICON: { description: "The page's favicon: PNG, JPEG, WebP, GIF or ICO, at most 128 KiB." },
  } as const satisfies Record<AssetKind, unknown>,
});

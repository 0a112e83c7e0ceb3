// Who is asking, so a client (the web client above all) can tell an operator, a
// signed-in viewer and an anonymous visitor apart and render accordingly.
import { builder } from "../builder.js";
import type { Actor } from "../auth/actor.js";
import type { Role as RoleValue } from "../auth/roles.js";
import { SUB_PAGE_ORDER } from "../services/customer-pages.js";
import { Role } from "./api-key.js";
import { OperatorRef } from "./operator.js";

interface ViewerShape {
  kind: "ANONYMOUS" | "OPERATOR" | "VIEWER";
  name: string | null;
  role: RoleValue | null;
  /** Set for a key: its scope (which is a role). */
  scope: RoleValue | null;
  operatorId: string | null;
  email: string | null;
  subPageIds: string[];
}

const ViewerKind = builder.enumType("ViewerKind", {
  values: {
    ANONYMOUS: { description: "No credentials, or refused ones: public pages only." },
    OPERATOR: { description: "An operator: signed in as themselves (see `operator`), or an API key." },
    VIEWER: { description: "Signed in by email to a customer page." },
  } as const,
});

function describe(actor: Actor): ViewerShape {
  const none = { name: null, role: null, scope: null, operatorId: null, email: null, subPageIds: [] };
  switch (actor.kind) {
    case "operator":
      return { ...none, kind: "OPERATOR", name: actor.name, role: actor.scope, scope: actor.scope };
    case "person":
      return { ...none, kind: "OPERATOR", name: actor.name, role: actor.role, operatorId: actor.operatorId, email: actor.email };
    case "system":
      return { ...none, kind: "OPERATOR", role: "ADMIN", scope: "ADMIN" };
    case "viewer":
      return { ...none, kind: "VIEWER", email: actor.email, subPageIds: actor.subPageIds };
    case "anonymous":
      return { ...none, kind: "ANONYMOUS" };
  }
}

const Viewer = builder.objectRef<ViewerShape>("Viewer").implement({
  fields: (t) => ({
    kind: t.field({ type: ViewerKind, resolve: (v) => v.kind }),
    name: t.exposeString("name", { nullable: true, description: "Operators: their display name, or the API key's name." }),
    role: t.field({ type: Role, nullable: true, description: "Operators: what they may do (a key's scope is its role).", resolve: (v) => v.role }),
    scope: t.field({ type: Role, nullable: true, description: "API keys: the key's scope; null for people (see `role`).", resolve: (v) => v.scope }),
    operator: t.field({
      type: OperatorRef,
      nullable: true,
      description: "The signed-in operator's account; null for API keys and everyone else.",
      resolve: (v, _args, ctx) => (v.operatorId ? ctx.db.operator.findUnique({ where: { id: v.operatorId } }) : null),
    }),
    email: t.exposeString("email", { nullable: true, description: "Viewers and signed-in operators: the address they signed in with." }),
    subPages: t.prismaField({
      type: ["SubPage"],
      description: "Viewers: the sub-pages their address's domain is allowed on, as of now. Empty for others (operators see all).",
      resolve: (query, v, _args, ctx) =>
        v.subPageIds.length === 0 ? [] : ctx.db.subPage.findMany({ ...query, where: { id: { in: v.subPageIds } }, orderBy: [...SUB_PAGE_ORDER] }),
    }),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({
    type: Viewer,
    nullable: true,
    description: "Who is asking. Never null over HTTP or WebSocket.",
    resolve: (_root, _args, ctx) => describe(ctx.actor),
  }),
);

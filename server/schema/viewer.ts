// Who is asking, so a client (the web client above all) can tell an operator, a
// signed-in viewer and an anonymous visitor apart and render accordingly.
import { builder } from "../builder.js";
import type { Actor } from "../auth/actor.js";
import type { ApiKeyScope as Scope } from "../auth/api-keys.js";
import { SUB_PAGE_ORDER } from "../services/customer-pages.js";
import { ApiKeyScope } from "./api-key.js";

interface ViewerShape {
  kind: "ANONYMOUS" | "OPERATOR" | "VIEWER";
  name: string | null;
  scope: Scope | null;
  email: string | null;
  subPageIds: string[];
}

const ViewerKind = builder.enumType("ViewerKind", {
  values: {
    ANONYMOUS: { description: "No credentials, or refused ones: public pages only." },
    OPERATOR: { description: "An API key." },
    VIEWER: { description: "Signed in by email to a customer page." },
  } as const,
});

function describe(actor: Actor): ViewerShape {
  const none = { name: null, scope: null, email: null, subPageIds: [] };
  switch (actor.kind) {
    case "operator":
      return { ...none, kind: "OPERATOR", name: actor.name, scope: actor.scope };
    case "system":
      return { ...none, kind: "OPERATOR", scope: "ADMIN" };
    case "viewer":
      return { ...none, kind: "VIEWER", email: actor.email, subPageIds: actor.subPageIds };
    case "anonymous":
      return { ...none, kind: "ANONYMOUS" };
  }
}

const Viewer = builder.objectRef<ViewerShape>("Viewer").implement({
  fields: (t) => ({
    kind: t.field({ type: ViewerKind, resolve: (v) => v.kind }),
    name: t.exposeString("name", { nullable: true, description: "Operators: the API key's name." }),
    scope: t.field({ type: ApiKeyScope, nullable: true, description: "Operators: the API key's scope.", resolve: (v) => v.scope }),
    email: t.exposeString("email", { nullable: true, description: "Viewers: the address they signed in with." }),
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

// /console/catalog — the custom types: each with its entry count, a link to its
// entries, Edit and Delete; `Add a custom type` opens the type form (EDITOR+).
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { Link, navigate } from "../../src/router.js";
import { consolePath } from "../routes.js";
import { ConsoleLayout } from "../ui/Layout.js";
import { useRole } from "../ui/role.js";
import { LoadFailed, Loading } from "../ui/States.js";
import { CatalogTypesQuery, DeleteCatalogTypeMutation } from "./Catalog.graphql.js";
import { ConfirmDelete } from "./ConfirmDelete.js";
import { TypeForm } from "./TypeForm.js";
import "./catalog.css";

/** The catalog's types screen. */
export function CatalogTypes() {
  const [result, refetch] = useQuery({ query: CatalogTypesQuery });
  const [, deleteType] = useMutation(DeleteCatalogTypeMutation);
  const [editing, setEditing] = useState<string | null>(null);
  const { can } = useRole();
  const reload = () => refetch({ requestPolicy: "network-only" });
  const types = result.data?.catalogTypes ?? [];
  const actions = can("EDITOR") && editing !== "new" && (
    <button type="button" onClick={() => setEditing("new")}>
      Add a custom type
    </button>
  );
  const saved = (id: string) => {
    setEditing(null);
    reload();
    navigate(consolePath("catalog", id));
  };
  return (
    <ConsoleLayout title="Catalog" section="catalog" actions={actions}>
      {!can("EDITOR") && <p className="muted">Your role can read the catalog; editors change it.</p>}
      {editing === "new" && <TypeForm others={types} onSaved={saved} onCancel={() => setEditing(null)} onReload={reload} />}
      {result.fetching && !result.data && <Loading />}
      {result.error && !result.data && <LoadFailed error={result.error} retry={reload} />}
      {result.data && types.length === 0 && <p>No custom types yet.</p>}
      {types.length > 0 && (
        <ul className="catalog-types">
          {types.map((type) => (
            <li key={type.id} aria-label={type.name}>
              <h2>
                <Link href={consolePath("catalog", type.id)}>{type.name}</Link>
              </h2>
              {type.description && <p>{type.description}</p>}
              <p className="muted">
                {type.entries.length} {type.entries.length === 1 ? "entry" : "entries"}
                {type.categories.length > 0 && ` · ${type.categories.join(", ")}`}
                {type.ranked && " · ranked"}
              </p>
              {can("EDITOR") &&
                (editing === type.id ? (
                  <TypeForm
                    key={type.version}
                    type={type}
                    others={types.filter((t) => t.id !== type.id)}
                    onSaved={saved}
                    onCancel={() => setEditing(null)}
                    onReload={reload}
                  />
                ) : (
                  <>
                    <button type="button" onClick={() => setEditing(type.id)}>
                      Edit {type.name}
                    </button>
                    <ConfirmDelete
                      name={type.name}
                      detail="The type and all its entries are deleted. This cannot be undone."
                      remove={async () => {
                        const r = await deleteType({ id: type.id, expectedVersion: type.version });
                        return { data: r.data?.deleteCatalogType, error: r.error };
                      }}
                      onDeleted={reload}
                      onReload={reload}
                    />
                  </>
                ))}
            </li>
          ))}
        </ul>
      )}
    </ConsoleLayout>
  );
}

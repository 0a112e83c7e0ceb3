// /console/catalog/:typeId — a type's entries with their values; `Create entry`
// opens the entry form; Edit and Delete per entry; ranked types reorder by drag
// and drop or keyboard. EDITOR+ changes; lower roles read.
import { type ReactNode, useState } from "react";
import { useMutation, useQuery } from "urql";
import { Link } from "../../src/router.js";
import { consolePath } from "../routes.js";
import { ConsoleLayout } from "../ui/Layout.js";
import { ConsoleNotFound } from "../ui/NotFound.js";
import { useRole } from "../ui/role.js";
import { LoadFailed, Loading } from "../ui/States.js";
import { type CatalogEntryData, type CatalogTypeData, CatalogTypeQuery, DeleteCatalogEntryMutation } from "./Catalog.graphql.js";
import { ConfirmDelete } from "./ConfirmDelete.js";
import { EntryForm } from "./EntryForm.js";
import { SortableEntries } from "./SortableEntries.js";
import "./catalog.css";

function Values({ type, entry }: { type: CatalogTypeData; entry: CatalogEntryData }) {
  const shown = entry.values.filter((v) => v.texts.length || v.entries.length);
  if (!shown.length) return null;
  return (
    <dl className="entry-values">
      {shown.map((v) => (
        <div key={v.attribute.id}>
          <dt>{type.attributes.find((a) => a.id === v.attribute.id)?.name}</dt>
          <dd>{[...v.texts, ...v.entries.map((e) => e.name)].join(", ")}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The screen of the catalog type with `id`. */
export function CatalogTypePage({ id }: { id: string }) {
  const [result, refetch] = useQuery({ query: CatalogTypeQuery, variables: { id } });
  const [, deleteEntry] = useMutation(DeleteCatalogEntryMutation);
  const [editing, setEditing] = useState<string | null>(null);
  const { can } = useRole();
  const reload = () => refetch({ requestPolicy: "network-only" });
  const type = result.data?.catalogType;
  if (result.data && !type) return <ConsoleNotFound what="This catalog type" />;
  const done = () => {
    setEditing(null);
    reload();
  };
  const row = (t: CatalogTypeData, entry: CatalogEntryData): ReactNode => (
    <div className="entry">
      <strong>{entry.name}</strong>
      <Values type={t} entry={entry} />
      {can("EDITOR") &&
        (editing === entry.id ? (
          // Reloaded at a newer version (after a stale save): a fresh form made from it.
          <EntryForm key={entry.version} type={t} entry={entry} onSaved={done} onCancel={() => setEditing(null)} onReload={reload} />
        ) : (
          <>
            <button type="button" onClick={() => setEditing(entry.id)}>
              Edit {entry.name}
            </button>
            <ConfirmDelete
              name={entry.name}
              detail="The entry is deleted with its sub-pages. This cannot be undone."
              remove={async () => {
                const r = await deleteEntry({ id: entry.id, expectedVersion: entry.version });
                return { data: r.data?.deleteCatalogEntry, error: r.error };
              }}
              onDeleted={reload}
              onReload={reload}
            />
          </>
        ))}
    </div>
  );
  const actions = can("EDITOR") && type && editing !== "new" && (
    <button type="button" onClick={() => setEditing("new")}>
      Create entry
    </button>
  );
  return (
    <ConsoleLayout title={type ? `Catalog · ${type.name}` : "Catalog"} section="catalog" actions={actions}>
      <p>
        <Link href={consolePath("catalog")}>Back to the catalog</Link>
      </p>
      {result.fetching && !result.data && <Loading />}
      {result.error && !result.data && <LoadFailed error={result.error} retry={reload} />}
      {type && (
        <>
          {type.description && <p>{type.description}</p>}
          {editing === "new" && <EntryForm type={type} onSaved={done} onCancel={() => setEditing(null)} onReload={reload} />}
          <section aria-labelledby="entries-title">
            <h2 id="entries-title">Entries</h2>
            {type.entries.length === 0 && <p className="muted">No entries yet.</p>}
            {type.entries.length > 0 &&
              (type.ranked && can("EDITOR") ? (
                <SortableEntries typeId={type.id} entries={type.entries} row={(e) => row(type, e)} onRanked={reload} />
              ) : (
                <ul className="catalog-entries">
                  {type.entries.map((e) => (
                    <li key={e.id} aria-label={e.name}>
                      {row(type, e)}
                    </li>
                  ))}
                </ul>
              ))}
          </section>
        </>
      )}
    </ConsoleLayout>
  );
}

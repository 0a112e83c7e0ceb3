// A ranked type's entries, reordered by dragging a handle with the mouse or by
// keyboard (Space, arrows, Space), announced to screen readers, and saved with
// rankCatalogEntries.
import { closestCenter, DndContext, type DragEndEvent, KeyboardSensor, PointerSensor, useSensor, useSensors } from "@dnd-kit/core";
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { type ReactNode, useState } from "react";
import { useMutation } from "urql";
import { FormAlert } from "../ui/FieldError.js";
import { formErrors, NO_ERRORS, type FormErrors } from "../ui/mutation-errors.js";
import { type CatalogEntryData, RankCatalogEntriesMutation } from "./Catalog.graphql.js";

function SortableRow({ entry, position, children }: { entry: CatalogEntryData; position: number; children: ReactNode }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: entry.id });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={isDragging ? "dragging" : undefined}
      aria-label={entry.name}
    >
      <button type="button" className="drag-handle" ref={setActivatorNodeRef} {...attributes} {...listeners} aria-label={`Move ${entry.name}`}>
        ⠿
      </button>
      <span className="rank">{position + 1}.</span> {children}
    </li>
  );
}

/** Draggable rows of `entries` in rank order; `row` renders each entry's content; `onRanked` after the API saved an order. */
export function SortableEntries({
  typeId,
  entries,
  row,
  onRanked,
}: {
  typeId: string;
  entries: readonly CatalogEntryData[];
  row: (entry: CatalogEntryData) => ReactNode;
  onRanked: () => void;
}) {
  const [order, setOrder] = useState<string[] | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [, rank] = useMutation(RankCatalogEntriesMutation);
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const byId = new Map(entries.map((e) => [e.id, e]));
  const ids = order && order.length === entries.length && order.every((id) => byId.has(id)) ? order : entries.map((e) => e.id);
  const nameOf = (id: string | number) => byId.get(String(id))?.name ?? "entry";
  const positionOf = (id: string | number) => ids.indexOf(String(id)) + 1;

  const onDragEnd = async ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const next = arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
    setOrder(next);
    const result = await rank({ typeId, entryIds: next });
    const outcome = formErrors(result.data?.rankCatalogEntries, result.error);
    setErrors(outcome);
    if (outcome.form) setOrder(null);
    else onRanked();
  };
  return (
    <>
      <FormAlert errors={errors} />
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={(e) => void onDragEnd(e)}
        accessibility={{
          screenReaderInstructions: {
            draggable:
              "To reorder, press Space or Enter on the handle, move with the arrow keys, then press Space or Enter again to drop, or Escape to cancel.",
          },
          announcements: {
            onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}, at position ${positionOf(active.id)} of ${ids.length}.`,
            onDragOver: ({ active, over }) =>
              over ? `${nameOf(active.id)} is over position ${positionOf(over.id)} of ${ids.length}.` : `${nameOf(active.id)} is no longer over a position.`,
            onDragEnd: ({ active, over }) =>
              over ? `${nameOf(active.id)} dropped at position ${positionOf(over.id)} of ${ids.length}.` : `${nameOf(active.id)} dropped.`,
            onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`,
          },
        }}
      >
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <ol className="catalog-entries ranked">
            {ids.map((id, i) => {
              const entry = byId.get(id)!;
              return (
                <SortableRow key={id} entry={entry} position={i}>
                  {row(entry)}
                </SortableRow>
              );
            })}
          </ol>
        </SortableContext>
      </DndContext>
    </>
  );
}

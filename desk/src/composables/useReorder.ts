import { nextTick, ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { AdminPage } from './useAdminPage';

/** The highest sortOrder the admin API accepts. */
export const MAX_SORT_ORDER = 100_000;

/**
 * New sortOrder values for entries already put in the wanted order (`values[k]` is what the
 * k-th entry stores now). The result rises strictly within 0…MAX_SORT_ORDER, so the order no
 * longer hangs on ties (the server then sorts by id), and it changes as few entries as possible:
 * an entry keeps its value when the kept values around it leave room for the changed ones in
 * between; those get the next values after the kept one before them. Among equally few changes,
 * `preferChange` (the moved entry's index) is the one changed, then entries whose value equals
 * their position are kept, so that a clean 0, 1, 2 … stays clean.
 */
export function renumber(values: number[], preferChange = -1): number[] {
  const n = values.length;
  // Index i here is position i - 1; positions -1 and n are fixed ends with the values -1 and MAX + 1.
  const value = (i: number) => (i === 0 ? -1 : i === n + 1 ? MAX_SORT_ORDER + 1 : values[i - 1]);
  // What keeping an entry is worth: first the count, then not the moved one, then a value equal to its position.
  const worth = (i: number): Score =>
    i === 0 || i === n + 1 ? [0, 0, 0] : [1, i - 1 === preferChange ? 0 : 1, values[i - 1] === i - 1 ? 1 : 0];
  const best: (Score | null)[] = [[0, 0, 0]];
  const previous: number[] = [-1];
  for (let b = 1; b <= n + 1; b++) {
    best[b] = null;
    previous[b] = -1;
    for (let a = 0; a < b; a++) {
      const before = best[a];
      // a and b can both keep their values when the b - a - 1 entries between them fit in.
      if (!before || value(b) - value(a) < b - a) continue;
      const score = add(before, worth(b));
      if (!best[b] || better(score, best[b]!)) {
        best[b] = score;
        previous[b] = a;
      }
    }
  }
  const out = [...values];
  for (let b = n + 1; b > 0; b = previous[b]) {
    const a = previous[b];
    for (let i = a + 1; i < b; i++) out[i - 1] = value(a) + (i - a);
  }
  return out;
}

type Score = [number, number, number];
const add = (x: Score, y: Score): Score => [x[0] + y[0], x[1] + y[1], x[2] + y[2]];
const better = (x: Score, y: Score): boolean => (x[0] !== y[0] ? x[0] > y[0] : x[1] !== y[1] ? x[1] > y[1] : x[2] > y[2]);

type Direction = 'up' | 'down';

interface Sortable {
  id: number;
  sortOrder: number;
}

/**
 * "Nach oben" / "Nach unten" for the rows of an admin table. A move saves the new order with
 * as few PATCHes as `renumber` allows, shows it, keeps focus on the moved entry's button (or its
 * other one at the edge) and announces the new position politely. While saving the buttons are
 * aria-disabled (so that focus stays); a failure is announced like any API error and the list is
 * loaded again.
 */
export function useReorder<T extends Sortable>(
  page: AdminPage,
  rows: Ref<T[]>,
  opts: {
    /** Prefix of the buttons' ids, unique on the page. */
    idPrefix: string;
    /** The entry's name in the buttons' names and the announcement. */
    name: (row: T) => string;
    /** Saves one entry's new sortOrder; answers the saved entry. */
    save: (row: T, sortOrder: number) => Promise<T>;
    /** Loads the list again after a failure. */
    reload: () => Promise<void>;
  },
) {
  const { t } = useI18n();
  const saving = ref(false);

  const buttonId = (row: T, direction: Direction) => `${opts.idPrefix}-${direction}-${row.id}`;
  const atEdge = (index: number, direction: Direction, count = rows.value.length) =>
    direction === 'up' ? index === 0 : index === count - 1;

  /** The attributes of a move button for the row at `index`. */
  function attrs(row: T, index: number, direction: Direction) {
    return {
      id: buttonId(row, direction),
      type: 'button' as const,
      disabled: atEdge(index, direction),
      'aria-disabled': saving.value || undefined,
      'aria-label': t(direction === 'up' ? 'adminCommon.moveUpLabel' : 'adminCommon.moveDownLabel', { name: opts.name(row) }),
    };
  }

  async function focus(row: T, direction: Direction): Promise<void> {
    await nextTick();
    const index = rows.value.findIndex((r) => r.id === row.id);
    if (index < 0) return;
    const other: Direction = direction === 'up' ? 'down' : 'up';
    const target = atEdge(index, direction) ? other : direction;
    document.getElementById(buttonId(rows.value[index], target))?.focus();
  }

  async function move(row: T, direction: Direction): Promise<void> {
    if (saving.value) return;
    const from = rows.value.findIndex((r) => r.id === row.id);
    if (from < 0 || atEdge(from, direction)) return;
    const to = direction === 'up' ? from - 1 : from + 1;
    const order = [...rows.value];
    order.splice(to, 0, ...order.splice(from, 1));
    const values = renumber(
      order.map((r) => r.sortOrder),
      to,
    );
    const saved = new Map<number, T>();
    let ok = true;
    saving.value = true;
    try {
      for (const [i, r] of order.entries()) {
        if (values[i] !== r.sortOrder) saved.set(r.id, await opts.save(r, values[i]));
      }
      rows.value = order.map((r) => saved.get(r.id) ?? r);
    } catch (e) {
      ok = false;
      await page.fail(e);
      await opts.reload().catch(page.fail);
    } finally {
      saving.value = false;
    }
    await focus(row, direction);
    if (ok) await page.feedback.say(t('adminCommon.moved', { name: opts.name(row), position: to + 1, count: order.length }), 'info');
  }

  return { saving, attrs, move };
}

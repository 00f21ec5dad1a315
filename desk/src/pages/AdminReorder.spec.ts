import type { AdminConcernResponse, AdminCounterResponse, StaffUserResponse } from '@einlass/contracts';
import { type DOMWrapper, flushPromises, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { MAX_SORT_ORDER, renumber } from '../composables/useReorder';
import { fakeApi, LOCATION } from '../testing/helpers';
import { cleanDeskBetweenTests, mountDesk, unmountDesks } from '../testing/mountPage';

const ADMIN: StaffUserResponse = { id: 1, username: 'admin', displayName: 'Anna Admin', roles: ['admin'], locationIds: [1] };

function concern(id: number, name: string, sortOrder: number): AdminConcernResponse {
  return {
    id,
    locationId: 1,
    translations: { de: { name, notes: '' }, en: { name: '', notes: '' } },
    durationMinutes: 15,
    onlineBookable: true,
    active: true,
    sortOrder,
  };
}

/** A fake admin API over a list of concerns: PATCH stores the sortOrder, GET answers the server's order. */
function concernsBackend(
  initial: AdminConcernResponse[],
  patch?: (id: number, body: { sortOrder?: number }) => [number, unknown?] | Promise<[number, unknown?]>,
) {
  const stored = new Map(initial.map((c) => [c.id, { ...c }]));
  const list = () => [...stored.values()].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  const routes: Parameters<typeof fakeApi>[0] = {
    'GET /auth/me': () => [200, ADMIN],
    'GET /locations': () => [200, [LOCATION]],
    'GET /locations/1/admin/concerns': () => [200, list()],
  };
  for (const c of initial) {
    routes[`PATCH /concerns/${c.id}`] = async (body) => {
      const b = body as { sortOrder?: number };
      if (patch) {
        const answer = await patch(c.id, b);
        if (answer[0] >= 400) return answer;
      }
      const row = stored.get(c.id)!;
      if (b.sortOrder !== undefined) row.sortOrder = b.sortOrder;
      return [200, { ...row }];
    };
  }
  const api = fakeApi(routes);
  const patches = () => api.calls.filter((c) => c.method === 'PATCH').map((c) => [c.path, c.body]);
  return { ...api, stored, list, patches };
}

const names = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="concerns"] tbody th').map((th) => th.text());
const button = (wrapper: VueWrapper, label: string): DOMWrapper<HTMLButtonElement> => {
  const found = wrapper.findAll<HTMLButtonElement>('[data-testid="concerns"] button').filter((b) => b.attributes('aria-label') === label);
  expect(found, `one button "${label}"`).toHaveLength(1);
  return found[0];
};
const focusedLabel = () => document.activeElement?.getAttribute('aria-label');

describe('renumber', () => {
  it('swaps two neighbours of a clean order, changes one entry where gaps or the end leave room', () => {
    // 0 1 2 3 with the entry at index 2 moved to index 1: no room between, the two swap
    expect(renumber([0, 2, 1, 3], 1)).toEqual([0, 1, 2, 3]);
    // at the end, the entry moved past needs only the next free value
    expect(renumber([0, 1, 3, 2], 2)).toEqual([0, 1, 3, 4]);
    // gaps: only the moved entry changes, the neighbour keeps its value
    expect(renumber([0, 20, 10, 30], 1)).toEqual([0, 1, 10, 30]);
    expect(renumber([10, 30, 20, 40], 2)).toEqual([10, 30, 31, 40]);
  });

  it('breaks ties and keeps the values in 0…MAX', () => {
    expect(renumber([0, 0, 0, 0], 1)).toEqual([0, 1, 2, 3]);
    expect(renumber([5, 5, 5], 0)).toEqual([0, 5, 6]);
    expect(renumber([5, 5, 5], 1)).toEqual([5, 6, 7]);
    expect(renumber([MAX_SORT_ORDER, MAX_SORT_ORDER], 0)).toEqual([0, MAX_SORT_ORDER]);
    expect(renumber([7], 0)).toEqual([7]);
    expect(renumber([], 0)).toEqual([]);
  });

  it('always gives a strictly rising order with the fewest changes (against trying every kept set)', () => {
    const fewest = (values: number[]): number => {
      let best = values.length;
      for (let mask = 0; mask < 1 << values.length; mask++) {
        // kept entries plus the fixed ends must leave room for the changed ones between them
        const kept = [-1, ...values.keys()].filter((i) => i === -1 || mask & (1 << i));
        kept.push(values.length);
        const value = (i: number) => (i === -1 ? -1 : i === values.length ? MAX_SORT_ORDER + 1 : values[i]);
        if (kept.every((k, j) => j === 0 || value(k) - value(kept[j - 1]) >= k - kept[j - 1])) {
          best = Math.min(best, values.length - (kept.length - 2));
        }
      }
      return best;
    };
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 400; round++) {
      const values = Array.from({ length: 1 + random(7) }, () => random(8));
      const out = renumber(values, random(values.length));
      out.forEach((v, i) => {
        expect(Number.isInteger(v) && v >= 0 && v <= MAX_SORT_ORDER).toBe(true);
        if (i > 0) expect(v, `rising: ${values} → ${out}`).toBeGreaterThan(out[i - 1]);
      });
      expect(out.filter((v, i) => v !== values[i]).length, `fewest: ${values} → ${out}`).toBe(fewest(values));
    }
  });
});

describe('moving concerns up and down', () => {
  cleanDeskBetweenTests();

  async function open() {
    const desk = await mountDesk('/admin/concerns');
    await flushPromises();
    return desk.wrapper;
  }

  const THREE = [concern(10, 'Personalausweis', 0), concern(11, 'Reisepass', 1), concern(12, 'Meldebescheinigung', 2)];

  it('names each button after its concern and disables the edges', async () => {
    concernsBackend(THREE);
    const wrapper = await open();
    expect(button(wrapper, 'Personalausweis nach oben').attributes('disabled')).toBeDefined();
    expect(button(wrapper, 'Personalausweis nach unten').attributes('disabled')).toBeUndefined();
    expect(button(wrapper, 'Reisepass nach oben').attributes('disabled')).toBeUndefined();
    expect(button(wrapper, 'Reisepass nach unten').attributes('disabled')).toBeUndefined();
    expect(button(wrapper, 'Meldebescheinigung nach oben').attributes('disabled')).toBeUndefined();
    expect(button(wrapper, 'Meldebescheinigung nach unten').attributes('disabled')).toBeDefined();
    // the visible text is part of the name (WCAG 2.5.3), and the button is a real button
    expect(button(wrapper, 'Reisepass nach oben').text()).toContain('Nach oben');
    expect(button(wrapper, 'Reisepass nach oben').attributes('type')).toBe('button');
  });

  it('saves with the fewest PATCHes, shows the order, keeps focus and announces the position', async () => {
    const api = concernsBackend(THREE);
    const wrapper = await open();

    // The last one up: only the entry it passes needs a new value (after it).
    const up = button(wrapper, 'Meldebescheinigung nach oben');
    up.element.focus();
    await up.trigger('click');
    await flushPromises();
    expect(api.patches()).toEqual([['/concerns/11', { sortOrder: 3 }]]);
    expect(names(wrapper)).toEqual(['Personalausweis', 'Meldebescheinigung', 'Reisepass']);
    expect(api.list().map((c) => c.id)).toEqual([10, 12, 11]);
    expect(focusedLabel()).toBe('Meldebescheinigung nach oben');
    expect(wrapper.get('[data-testid="feedback"]').text()).toBe('Meldebescheinigung ist jetzt an Position 2 von 3.');
    expect(wrapper.get('[data-testid="feedback"]').attributes('aria-live')).toBe('polite');

    // Up again reaches the top: no room below 0, so the two swap into 0 and 1. That button is
    // now disabled, so focus moves to "nach unten".
    await button(wrapper, 'Meldebescheinigung nach oben').trigger('click');
    await flushPromises();
    expect(api.patches().slice(1)).toEqual([
      ['/concerns/12', { sortOrder: 0 }],
      ['/concerns/10', { sortOrder: 1 }],
    ]);
    expect(names(wrapper)).toEqual(['Meldebescheinigung', 'Personalausweis', 'Reisepass']);
    expect(button(wrapper, 'Meldebescheinigung nach oben').attributes('disabled')).toBeDefined();
    expect(focusedLabel()).toBe('Meldebescheinigung nach unten');
    expect(wrapper.get('[data-testid="feedback"]').text()).toBe('Meldebescheinigung ist jetzt an Position 1 von 3.');

    // Down to the bottom edge: focus goes to "nach oben".
    const down = button(wrapper, 'Personalausweis nach unten');
    down.element.focus();
    await down.trigger('click');
    await flushPromises();
    expect(api.patches().slice(3)).toEqual([['/concerns/10', { sortOrder: 4 }]]);
    expect(names(wrapper)).toEqual(['Meldebescheinigung', 'Reisepass', 'Personalausweis']);
    expect(focusedLabel()).toBe('Personalausweis nach oben');
    expect(wrapper.get('[data-testid="feedback"]').text()).toBe('Personalausweis ist jetzt an Position 3 von 3.');
    expect(api.list().map((c) => [c.id, c.sortOrder])).toEqual([
      [12, 0],
      [11, 3],
      [10, 4],
    ]);
  });

  it('renumbers ties and uses the gaps: only the entries that must change are sent', async () => {
    const tied = concernsBackend([concern(1, 'A', 0), concern(2, 'B', 0), concern(3, 'C', 0), concern(4, 'D', 0)]);
    let wrapper = await open();
    expect(names(wrapper)).toEqual(['A', 'B', 'C', 'D']);
    await button(wrapper, 'C nach oben').trigger('click');
    await flushPromises();
    expect(tied.patches()).toEqual([
      ['/concerns/3', { sortOrder: 1 }],
      ['/concerns/2', { sortOrder: 2 }],
      ['/concerns/4', { sortOrder: 3 }],
    ]);
    expect(names(wrapper)).toEqual(['A', 'C', 'B', 'D']);
    expect(tied.list().map((c) => c.id)).toEqual([1, 3, 2, 4]);
    unmountDesks();

    const gaps = concernsBackend([concern(1, 'A', 10), concern(2, 'B', 20), concern(3, 'C', 30), concern(4, 'D', 40)]);
    wrapper = await open();
    await button(wrapper, 'C nach oben').trigger('click');
    await flushPromises();
    expect(gaps.patches()).toEqual([['/concerns/3', { sortOrder: 11 }]]);
    expect(names(wrapper)).toEqual(['A', 'C', 'B', 'D']);
    expect(gaps.list().map((c) => c.id)).toEqual([1, 3, 2, 4]);
  });

  it('disables the move buttons while saving', async () => {
    let release: () => void = () => undefined;
    const api = concernsBackend(THREE, () => new Promise((resolve) => (release = () => resolve([200]))));
    const wrapper = await open();
    const down = button(wrapper, 'Personalausweis nach unten');
    down.element.focus();
    await down.trigger('click');
    await flushPromises();
    const moves = wrapper
      .findAll('[data-testid="concerns"] button')
      .filter((b) => /nach (oben|unten)$/.test(b.attributes('aria-label') ?? ''));
    expect(moves).toHaveLength(6);
    for (const b of moves) expect(b.attributes('aria-disabled')).toBe('true');
    // A second move meanwhile sends nothing.
    await button(wrapper, 'Meldebescheinigung nach oben').trigger('click');
    await flushPromises();
    expect(api.patches()).toEqual([['/concerns/11', { sortOrder: 0 }]]);
    release();
    await flushPromises();
    release();
    await flushPromises();
    expect(api.patches()).toHaveLength(2);
    for (const b of wrapper.findAll('[data-testid="concerns"] button')) expect(b.attributes('aria-disabled')).toBeUndefined();
    expect(names(wrapper)).toEqual(['Reisepass', 'Personalausweis', 'Meldebescheinigung']);
    expect(focusedLabel()).toBe('Personalausweis nach unten');
  });

  it('on failure shows the API error, loads the list again and keeps focus', async () => {
    let calls = 0;
    const api = concernsBackend(THREE, () => (++calls === 2 ? [500, { error: 'internal_error', message: 'boom' }] : [200]));
    const wrapper = await open();
    const gets = () => api.calls.filter((c) => c.method === 'GET' && c.path === '/locations/1/admin/concerns').length;
    expect(gets()).toBe(1);
    const up = button(wrapper, 'Reisepass nach oben');
    up.element.focus();
    await up.trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="feedback-error"]').text()).toBe('Auf dem Server ist ein Fehler aufgetreten. Bitte erneut versuchen.');
    expect(wrapper.get('[data-testid="feedback"]').text()).toBe('');
    expect(gets()).toBe(2);
    // The first PATCH went through (Reisepass 0, tied with Personalausweis): the list shows what the server has.
    expect(names(wrapper)).toEqual(['Personalausweis', 'Reisepass', 'Meldebescheinigung']);
    expect(focusedLabel()).toBe('Reisepass nach oben');
    for (const b of wrapper.findAll('[data-testid="concerns"] button')) expect(b.attributes('aria-disabled')).toBeUndefined();

    // Trying again repairs the tie.
    await button(wrapper, 'Reisepass nach oben').trigger('click');
    await flushPromises();
    expect(names(wrapper)).toEqual(['Reisepass', 'Personalausweis', 'Meldebescheinigung']);
    expect(api.list().map((c) => c.id)).toEqual([11, 10, 12]);
  });

  it('speaks English too', async () => {
    concernsBackend(THREE);
    const wrapper = await open();
    await wrapper.get('button.lang').trigger('click');
    await flushPromises();
    const down = button(wrapper, 'Move down: Personalausweis');
    expect(down.text()).toContain('Move down');
    expect(button(wrapper, 'Move up: Personalausweis').attributes('disabled')).toBeDefined();
    await down.trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="feedback"]').text()).toBe('Personalausweis is now at position 2 of 3.');
  });
});

describe('moving counters up and down', () => {
  cleanDeskBetweenTests();

  const counter = (id: number, name: string, sortOrder: number, active = true): AdminCounterResponse => ({
    id,
    locationId: 1,
    name,
    concernIds: [],
    active,
    sortOrder,
  });

  function countersBackend(initial: AdminCounterResponse[], fail = false) {
    const stored = new Map(initial.map((c) => [c.id, { ...c }]));
    const list = () => [...stored.values()].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
    const routes: Parameters<typeof fakeApi>[0] = {
      'GET /auth/me': () => [200, ADMIN],
      'GET /locations': () => [200, [LOCATION]],
      'GET /locations/1/admin/counters': () => [200, list()],
      'GET /locations/1/admin/concerns': () => [200, []],
    };
    for (const c of initial) {
      routes[`PATCH /counters/${c.id}`] = (body) => {
        if (fail)
          return [
            400,
            {
              error: 'validation_failed',
              message: 'sortOrder must not be greater than 100000',
              fields: [{ field: 'sortOrder', message: 'sortOrder must not be greater than 100000' }],
            },
          ];
        const row = stored.get(c.id)!;
        row.sortOrder = (body as { sortOrder: number }).sortOrder;
        return [200, { ...row }];
      };
    }
    const api = fakeApi(routes);
    return { ...api, list, patches: () => api.calls.filter((x) => x.method === 'PATCH').map((x) => [x.path, x.body]) };
  }

  async function open() {
    const desk = await mountDesk('/admin/counters');
    await flushPromises();
    return desk.wrapper;
  }

  const counterButton = (wrapper: VueWrapper, label: string) => {
    const found = wrapper.findAll<HTMLButtonElement>('[data-testid="counters"] button').filter((b) => b.attributes('aria-label') === label);
    expect(found, `one button "${label}"`).toHaveLength(1);
    return found[0];
  };
  const counterNames = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="counters"] tbody th').map((th) => th.text());
  const FIVE = [
    counter(1, 'Schalter 1', 0),
    counter(2, 'Schalter 2', 1),
    counter(3, 'Schalter 3', 2),
    counter(4, 'Schalter 4', 3, false),
    counter(5, 'Schalter 5', 4),
  ];

  it('moves a counter up with the PATCHes needed, keeps focus and announces it', async () => {
    const api = countersBackend(FIVE);
    const wrapper = await open();
    expect(counterButton(wrapper, 'Schalter 1 nach oben').attributes('disabled')).toBeDefined();
    expect(counterButton(wrapper, 'Schalter 5 nach unten').attributes('disabled')).toBeDefined();
    expect(counterButton(wrapper, 'Schalter 4 nach unten').attributes('disabled')).toBeUndefined();

    const up = counterButton(wrapper, 'Schalter 3 nach oben');
    up.element.focus();
    await up.trigger('click');
    await flushPromises();
    expect(api.patches()).toEqual([
      ['/counters/3', { sortOrder: 1 }],
      ['/counters/2', { sortOrder: 2 }],
    ]);
    expect(counterNames(wrapper)).toEqual(['Schalter 1', 'Schalter 3', 'Schalter 2', 'Schalter 4', 'Schalter 5']);
    expect(api.list().map((c) => c.id)).toEqual([1, 3, 2, 4, 5]);
    expect(focusedLabel()).toBe('Schalter 3 nach oben');
    expect(wrapper.get('[data-testid="feedback"]').text()).toBe('Schalter 3 ist jetzt an Position 2 von 5.');

    // The inactive one is moved like the others; past the last one it needs only the next value.
    await counterButton(wrapper, 'Schalter 4 nach unten').trigger('click');
    await flushPromises();
    expect(api.patches().slice(2)).toEqual([['/counters/4', { sortOrder: 5 }]]);
    expect(counterNames(wrapper)).toEqual(['Schalter 1', 'Schalter 3', 'Schalter 2', 'Schalter 5', 'Schalter 4']);
    expect(focusedLabel()).toBe('Schalter 4 nach oben');
    expect(wrapper.get('[data-testid="feedback"]').text()).toBe('Schalter 4 ist jetzt an Position 5 von 5.');
  });

  it('shows the API error and reloads the list when the server refuses', async () => {
    const api = countersBackend(FIVE, true);
    const wrapper = await open();
    const down = counterButton(wrapper, 'Schalter 1 nach unten');
    down.element.focus();
    await down.trigger('click');
    await flushPromises();
    expect(api.patches()).toHaveLength(1);
    expect(wrapper.get('[data-testid="feedback-error"]').text()).toBe('Bitte die markierten Angaben prüfen.');
    expect(api.calls.filter((c) => c.path === '/locations/1/admin/counters')).toHaveLength(2);
    expect(counterNames(wrapper)).toEqual(['Schalter 1', 'Schalter 2', 'Schalter 3', 'Schalter 4', 'Schalter 5']);
    expect(focusedLabel()).toBe('Schalter 1 nach unten');
  });
});

import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, LOCATION } from '../testing/helpers';
import { cleanDeskBetweenTests, mountDesk } from '../testing/mountPage';

const HOTLINE = { id: 3, username: 'hotline', displayName: 'Hanna Hotline', roles: ['hotline'], locationIds: [1] };
const CONCERNS = [
  { id: 10, name: 'Personalausweis', notes: '', durationMinutes: 15, onlineBookable: true },
  { id: 12, name: 'Fundsachen', notes: '', durationMinutes: 10, onlineBookable: false, contactHint: 'E-Mail' },
];
const DAYS = {
  days: [
    { date: '2026-12-01', slots: [{ start: '2026-12-01T09:00:00+01:00', free: 0 }] },
    {
      date: '2026-12-02',
      slots: [
        { start: '2026-12-02T09:00:00+01:00', free: 2 },
        { start: '2026-12-02T09:15:00+01:00', free: 1 },
      ],
    },
  ],
};

function backend(book: (body: unknown) => [number, unknown?]) {
  return fakeApi({
    'GET /auth/me': () => [200, HOTLINE],
    'GET /locations': () => [200, [LOCATION]],
    'GET /locations/1/concerns': () => [200, CONCERNS],
    'GET /locations/1/availability': () => [200, DAYS],
    'POST /hotline/bookings': (body) => book(body),
  });
}

async function openHotline() {
  const desk = await mountDesk('/hotline');
  await vi.waitFor(() => expect(desk.wrapper.find('#hl-concern option[value="10"]').exists()).toBe(true));
  return desk;
}

describe('HotlinePage', () => {
  cleanDeskBetweenTests();

  it('books a free slot by phone and shows the code to read out, spelt', async () => {
    const api = backend(() => [201, { id: 'bk1', status: 'confirmed', code: 'NND1VS3K', start: '2026-12-02T09:15:00+01:00' }]);
    const { wrapper } = await openHotline();

    expect(wrapper.text()).toContain('(0 51 31) 707 270');
    expect(wrapper.text()).toContain('Montag');
    expect(wrapper.text()).toContain('09:00–12:00, 13:30–14:30');

    await wrapper.get('#hl-concern').setValue('10');
    await flushPromises();
    // Days without a free slot are not offered.
    expect(wrapper.findAll('#hl-day option').map((o) => o.attributes('value'))).toEqual(['', '2026-12-02']);
    await wrapper.get('#hl-slot-1').setValue(true);
    await wrapper.get('#hl-name').setValue('Erika Mustermann');
    await wrapper.get('#hl-phone').setValue('05131 12345');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
      locationId: 1,
      concernId: 10,
      start: '2026-12-02T09:15:00+01:00',
      name: 'Erika Mustermann',
      phone: '05131 12345',
      language: 'de',
    });
    const result = wrapper.get('[data-testid="hotline-result"]');
    expect(result.get('[data-testid="booking-code"]').text()).toBe('NND1VS3K');
    expect(result.findAll('.code-group').map((g) => g.text())).toEqual(['NND1', 'VS3K']);
    expect(result.findAll('.letters li').map((li) => li.text())).toEqual([
      'NNürnberg',
      'NNürnberg',
      'DDüsseldorf',
      '1',
      'VVölklingen',
      'SSalzwedel',
      '3',
      'KKöln',
    ]);
    expect(result.text()).toContain('09:15');
  });

  it('marks missing fields without calling the server', async () => {
    const api = backend(() => [500]);
    const { wrapper } = await openHotline();

    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('#hl-concern').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('#hl-name').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="feedback-error"]').text()).toContain('noch nicht vollständig');
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('reloads the free slots when the chosen one was taken meanwhile', async () => {
    const api = backend(() => [409, { error: 'slot_full', message: 'full' }]);
    const { wrapper } = await openHotline();

    await wrapper.get('#hl-concern').setValue('10');
    await flushPromises();
    await wrapper.get('#hl-slot-0').setValue(true);
    await wrapper.get('#hl-name').setValue('Erika Mustermann');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="feedback-error"]').text()).toContain('anderweitig vergeben');
    expect(api.calls.filter((c) => c.path === '/locations/1/availability')).toHaveLength(2);
    expect(wrapper.find('[data-testid="hotline-result"]').exists()).toBe(false);
  });
});

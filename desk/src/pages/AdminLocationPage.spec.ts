import type { LocationResponse, LocationUpdateRequest, StaffUserResponse } from '@einlass/contracts';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { fakeApi, LOCATION } from '../testing/helpers';
import { cleanDeskBetweenTests, mountDesk } from '../testing/mountPage';

const ADMIN: StaffUserResponse = { id: 1, username: 'admin', displayName: 'Anna Admin', roles: ['admin'], locationIds: [1] };

describe('admin location settings: hotline hours', () => {
  cleanDeskBetweenTests();

  async function open(patch: (body: LocationUpdateRequest) => [number, unknown]) {
    const api = fakeApi({
      'GET /auth/me': () => [200, ADMIN],
      'GET /locations': () => [200, [LOCATION]],
      'PATCH /locations/1': (body) => patch(body as LocationUpdateRequest),
    });
    const desk = await mountDesk('/admin/location');
    await flushPromises();
    return { api, wrapper: desk.wrapper };
  }

  const rows = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="hotline-row"]');
  const button = (wrapper: VueWrapper, name: string) => {
    const found = wrapper.findAll('button').find((b) => (b.attributes('aria-label') ?? b.text()) === name);
    if (!found) throw new Error(`no button ${name}`);
    return found;
  };
  const patches = (api: ReturnType<typeof fakeApi>) =>
    api.calls.filter((c) => c.method === 'PATCH').map((c) => c.body as LocationUpdateRequest);

  it('shows the hours, removes and adds rows and sends them with the other settings', async () => {
    const { api, wrapper } = await open((body) => [
      200,
      { ...LOCATION, hotline: { phone: body.hotline!.phone!, hours: body.hotline!.hours! } } satisfies LocationResponse,
    ]);
    expect(rows(wrapper)).toHaveLength(3);
    expect((rows(wrapper)[1].find('select').element as HTMLSelectElement).value).toBe('1');
    expect((rows(wrapper)[1].find('input[data-field="hotline.hours.1.from"]').element as HTMLInputElement).value).toBe('13:30');

    // Friday goes; Tuesday 13:30–14:30 comes.
    await button(wrapper, 'Zeile 3 entfernen').trigger('click');
    await flushPromises();
    expect(rows(wrapper)).toHaveLength(2);
    expect(document.activeElement?.textContent?.trim()).toBe('Hotline-Zeit hinzufügen');
    await button(wrapper, 'Hotline-Zeit hinzufügen').trigger('click');
    await flushPromises();
    expect(rows(wrapper)).toHaveLength(3);
    const added = rows(wrapper)[2];
    expect(document.activeElement).toBe(added.find('select').element);
    expect(wrapper.find(`label[for="${added.find('select').attributes('id')}"]`).text()).toBe('Wochentag, Zeile 3');
    await added.find('select').setValue('2');
    await added.find('input[data-field="hotline.hours.2.from"]').setValue('13:30');
    await added.find('input[data-field="hotline.hours.2.to"]').setValue('14:30');

    await wrapper.get('[data-testid="location-form"]').trigger('submit');
    await flushPromises();
    const body = patches(api).pop();
    expect(body?.hotline).toEqual({
      phone: '(0 51 31) 707 270',
      hours: [
        { weekday: 1, from: '09:00', to: '12:00' },
        { weekday: 1, from: '13:30', to: '14:30' },
        { weekday: 2, from: '13:30', to: '14:30' },
      ],
    });
    expect(body).toMatchObject({ name: 'Bürgerbüro Garbsen', contactEmail: 'buergerbuero@example.org' });
    expect(wrapper.get('[data-testid="feedback"]').text()).toContain('gespeichert');
    expect(rows(wrapper)).toHaveLength(3);
  });

  it('refuses a range whose end is not after its start, and a time that is not HH:MM, before sending', async () => {
    const { api, wrapper } = await open(() => [200, LOCATION]);
    const to = rows(wrapper)[1].find('input[data-field="hotline.hours.1.to"]');
    await to.setValue('13:00');
    const from = rows(wrapper)[2].find('input[data-field="hotline.hours.2.from"]');
    await from.setValue('');
    await wrapper.get('[data-testid="location-form"]').trigger('submit');
    await flushPromises();

    expect(patches(api)).toEqual([]);
    expect(to.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get(`#${to.attributes('aria-describedby')}`).text()).toBe('„Bis“ muss nach „Von“ liegen.');
    expect(wrapper.get(`#${from.attributes('aria-describedby')}`).text()).toBe('Bitte eine Uhrzeit im Format HH:MM eingeben.');
    expect(document.activeElement).toBe(to.element);
    expect(wrapper.get('[data-testid="feedback-error"]').text()).toBe('Bitte die markierten Angaben prüfen.');
  });

  it('shows the server’s 422 on the row it names', async () => {
    const { api, wrapper } = await open(() => [
      422,
      { error: 'validation_failed', message: 'x', fields: [{ field: 'hotline.hours.0.to', message: 'to must be after from' }] },
    ]);
    await wrapper.get('[data-testid="location-form"]').trigger('submit');
    await flushPromises();
    expect(patches(api)).toHaveLength(1);
    const to = rows(wrapper)[0].find('input[data-field="hotline.hours.0.to"]');
    expect(to.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get(`#${to.attributes('aria-describedby')}`).text()).toBe('„Bis“ muss nach „Von“ liegen.');
    expect(document.activeElement).toBe(to.element);
  });
});

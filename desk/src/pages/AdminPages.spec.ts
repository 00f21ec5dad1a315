import type { AdminConcernResponse, StaffUserResponse } from '@einlass/contracts';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { CLERK, fakeApi, LOCATION } from '../testing/helpers';
import { cleanDeskBetweenTests, mountDesk } from '../testing/mountPage';

const ADMIN: StaffUserResponse = { id: 1, username: 'admin', displayName: 'Anna Admin', roles: ['admin'], locationIds: [1] };
const CONCERN: AdminConcernResponse = {
  id: 10,
  locationId: 1,
  translations: { de: { name: 'Personalausweis', notes: 'Foto mitbringen' }, en: { name: 'Identity card', notes: '' } },
  durationMinutes: 30,
  onlineBookable: true,
  active: true,
  sortOrder: 0,
};

function backend(routes: Parameters<typeof fakeApi>[0], user: StaffUserResponse = ADMIN) {
  return fakeApi({ 'GET /auth/me': () => [200, user], 'GET /locations': () => [200, [LOCATION]], ...routes });
}

describe('admin pages', () => {
  cleanDeskBetweenTests();

  async function open(path: string) {
    const desk = await mountDesk(path);
    await flushPromises();
    return desk;
  }

  it('concerns: lists all, checks the form, ties errors to fields and creates in both languages', async () => {
    let answer: [number, unknown] = [
      422,
      {
        error: 'validation_failed',
        message: 'x',
        fields: [{ field: 'durationMinutes', message: 'durationMinutes must be a multiple of the slot length (15 minutes)' }],
      },
    ];
    const api = backend({
      'GET /locations/1/admin/concerns': () => [
        200,
        [
          CONCERN,
          { ...CONCERN, id: 11, active: false, translations: { de: { name: 'Fundsachen', notes: '' }, en: { name: '', notes: '' } } },
        ],
      ],
      'POST /locations/1/concerns': () => answer,
    });
    const { wrapper } = await open('/admin/concerns');
    const rows = wrapper.findAll('[data-testid="concerns"] tbody tr');
    expect(rows.map((r) => r.find('th').text())).toEqual(['Personalausweis Identity card', 'Fundsachen']);
    expect(rows[1].text()).toContain('inaktiv');
    expect(rows[1].text()).toContain('Aktivieren');

    // Empty German name: the error sits beside the field and is announced; nothing is sent.
    await wrapper.get('[data-testid="concern-form"]').trigger('submit');
    await flushPromises();
    const name = wrapper.get('#concern-de-name');
    expect(name.attributes('aria-invalid')).toBe('true');
    expect(name.attributes('aria-describedby')).toBe('concern-de-name-error');
    expect(wrapper.get('#concern-de-name-error').text()).toContain('deutschen Namen');
    expect(document.activeElement?.id).toBe('concern-de-name');
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    await name.setValue('Bewohnerparkausweis');
    await wrapper.get('#concern-en-name').setValue('Resident parking permit');
    await wrapper.get('#concern-duration').setValue('20');
    await wrapper.get('[data-testid="concern-form"]').trigger('submit');
    await flushPromises();
    // The server's 422 lands on the duration field, in German.
    expect(wrapper.get('#concern-duration').attributes('aria-describedby')).toContain('concern-duration-error');
    expect(wrapper.get('#concern-duration-error').text()).toContain('Vielfaches');
    expect(wrapper.get('[data-testid="feedback-error"]').text()).toBe('Bitte die markierten Angaben prüfen.');

    answer = [
      201,
      {
        ...CONCERN,
        id: 12,
        durationMinutes: 30,
        translations: { de: { name: 'Bewohnerparkausweis', notes: '' }, en: { name: 'Resident parking permit', notes: '' } },
      },
    ];
    await wrapper.get('#concern-duration').setValue('30');
    await wrapper.get('[data-testid="concern-form"]').trigger('submit');
    await flushPromises();
    expect(api.calls.filter((c) => c.method === 'POST').pop()?.body).toEqual({
      translations: { de: { name: 'Bewohnerparkausweis', notes: '' }, en: { name: 'Resident parking permit', notes: '' } },
      durationMinutes: 30,
      onlineBookable: true,
    });
    expect(wrapper.findAll('[data-testid="concerns"] tbody tr')).toHaveLength(3);
    expect(wrapper.get('[data-testid="feedback"]').text()).toContain('Bewohnerparkausweis');
  });

  it('hours: validates the weekly table, saves it and reports bookings outside the new hours; closes a day', async () => {
    const api = backend({
      'GET /locations/1/opening-hours': () => [200, [{ weekday: 1, from: '08:00', to: '12:00', capacity: 4 }]],
      'GET /locations/1/exceptions': () => [200, []],
      'PUT /locations/1/opening-hours': (body) => [
        200,
        {
          rules: (body as { rules: unknown[] }).rules,
          replannedDays: 40,
          bookingsOutsideHours: 2,
          daysWithBookingsOutsideHours: ['2099-12-07'],
        },
      ],
      'POST /locations/1/exceptions': (body) => [
        201,
        {
          exception: { id: 5, locationId: 1, from: null, to: null, capacity: null, note: null, ...(body as object) },
          replannedDays: 1,
          bookingsOutsideHours: 0,
          daysWithBookingsOutsideHours: [],
        },
      ],
    });
    const { wrapper } = await open('/admin/hours');
    const row = wrapper.findAll('[data-testid="hours-row"]');
    expect(row).toHaveLength(1);
    const to = row[0].find('input[type="time"][data-field="rules.0.to"]');
    await to.setValue('07:00');
    await wrapper.get('[data-testid="hours-form"]').trigger('submit');
    await flushPromises();
    expect(to.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get(`#${to.attributes('aria-describedby')}`).text()).toBe('„Bis“ muss nach „Von“ liegen.');
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);

    await to.setValue('11:00');
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Zeile hinzufügen')!
      .trigger('click');
    await wrapper.get('[data-testid="hours-form"]').trigger('submit');
    await flushPromises();
    expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({
      rules: [
        { weekday: 1, from: '08:00', to: '11:00', capacity: 4 },
        { weekday: 2, from: '08:00', to: '12:00', capacity: 4 },
      ],
    });
    const result = wrapper.get('[data-testid="replan-result"]');
    expect(result.text()).toContain('40 geplante Tage wurden neu geplant.');
    expect(result.text()).toContain('2 gebuchte Termine liegen jetzt außerhalb');
    expect(result.text()).toContain('7. Dezember 2099');

    await wrapper.get('#ex-date').setValue('2099-12-24');
    await wrapper.get('#ex-note').setValue('Heiligabend');
    await wrapper.get('[data-testid="exception-form"]').trigger('submit');
    await flushPromises();
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ date: '2099-12-24', kind: 'closed', note: 'Heiligabend' });
    expect(wrapper.get('[data-testid="exceptions"]').text()).toContain('Geschlossen');
    expect(wrapper.get('[data-testid="exceptions"]').text()).toContain('Heiligabend');
  });

  it('users: refuses a short password before sending, and the own account cannot be deactivated', async () => {
    const api = backend({
      'GET /admin/users': () => [200, [{ ...ADMIN, active: true, createdAt: '2026-01-01T00:00:00.000Z' }]],
      'POST /admin/users': () => [
        201,
        {
          id: 9,
          username: 'm.mueller',
          displayName: 'Marta Müller',
          roles: ['clerk'],
          locationIds: [1],
          active: true,
          createdAt: '2026-01-01T00:00:00.000Z',
        },
      ],
    });
    const { wrapper } = await open('/admin/users');
    await wrapper.get('#user-username').setValue('m.mueller');
    await wrapper.get('#user-display-name').setValue('Marta Müller');
    await wrapper.get('#user-password').setValue('kurz');
    await wrapper.get('[data-testid="user-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('#user-password').attributes('aria-describedby')).toBe('user-password-hint user-password-error');
    expect(wrapper.get('#user-password-error').text()).toContain('mindestens 12 Zeichen');
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    await wrapper.get('#user-password').setValue('lang-genug-und-sicher');
    await wrapper.get('[data-testid="user-form"]').trigger('submit');
    await flushPromises();
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
      username: 'm.mueller',
      displayName: 'Marta Müller',
      password: 'lang-genug-und-sicher',
      roles: ['clerk'],
      locationIds: [1],
    });
    expect(wrapper.get('[data-testid="users"]').text()).toContain('Marta Müller');

    await wrapper
      .findAll('[data-testid="users"] button')
      .find((b) => b.text().includes('Anna Admin'))!
      .trigger('click');
    await flushPromises();
    expect(wrapper.get('#user-active').attributes('disabled')).toBeDefined();
    expect(wrapper.get('#user-role-admin').attributes('disabled')).toBeDefined();
  });

  it('keeps clerks out of the admin pages', async () => {
    backend({ 'GET /locations/1/counters': () => [200, []] }, CLERK);
    const { router, wrapper } = await open('/admin/hours');
    expect(router.currentRoute.value.path).toBe('/counters');
    expect(wrapper.find('[data-testid="hours-form"]').exists()).toBe(false);
  });
});

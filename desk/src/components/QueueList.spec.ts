import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createDeskI18n } from '../i18n';
import { ticket } from '../testing/helpers';
import CurrentTicket from './CurrentTicket.vue';
import QueueList from './QueueList.vue';

const waiting = ticket({
  concern: { id: 1, name: 'Personalausweis beantragen', names: { de: 'Personalausweis beantragen', en: 'Apply for an identity card' } },
});

describe('concern names in the UI language', () => {
  it.each([
    ['de', 'Personalausweis beantragen'],
    ['en', 'Apply for an identity card'],
  ] as const)('the queue shows the concern in %s', (locale, name) => {
    const wrapper = mount(QueueList, {
      props: { tickets: [waiting], timeZone: 'Europe/Berlin', now: new Date() },
      global: { plugins: [createDeskI18n(locale)] },
    });
    expect(wrapper.find(`tr[data-ticket="${waiting.ticket}"]`).text()).toContain(name);
  });

  it('falls back to the German name when the backend sends no translations', () => {
    const plain = ticket({ concern: { id: 2, name: 'Meldebescheinigung' } });
    const wrapper = mount(QueueList, {
      props: { tickets: [plain], timeZone: 'Europe/Berlin', now: new Date() },
      global: { plugins: [createDeskI18n('en')] },
    });
    expect(wrapper.text()).toContain('Meldebescheinigung');
  });

  it('the current ticket shows the concern in English', () => {
    const called = { ...waiting, status: 'called' as const, calledAt: waiting.checkedInAt, counter: { id: 1, name: 'Schalter 1' } };
    const wrapper = mount(CurrentTicket, {
      props: { ticket: called, timeZone: 'Europe/Berlin', now: new Date() },
      global: { plugins: [createDeskI18n('en')] },
    });
    expect(wrapper.text()).toContain('Apply for an identity card');
  });
});

import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import ErrorMessage from './ErrorMessage.vue';
import { mountWithApp } from '../testing/mount';

let wrapper: VueWrapper | undefined;
afterEach(() => wrapper?.unmount());

describe('ErrorMessage', () => {
  it('links the office address when a concern cannot be booked online', async () => {
    ({ wrapper } = await mountWithApp(ErrorMessage, {
      props: { error: { code: 'not_online_bookable', contactEmail: 'bb@garbsen.example' } },
    }));
    expect(wrapper.attributes('role')).toBe('alert');
    expect(wrapper.text()).toContain('kann nicht online gebucht werden');
    expect(wrapper.get('a').attributes('href')).toBe('mailto:bb@garbsen.example');
  });

  it('tells how long to wait when rate limited, and falls back to a generic sentence', async () => {
    ({ wrapper } = await mountWithApp(ErrorMessage, { props: { error: { code: 'rate_limited', retryAfterSeconds: 30 } } }));
    expect(wrapper.text()).toBe(
      'Von Ihrem Internetanschluss wurden gerade sehr viele Termine gebucht. Bitte versuchen Sie es in 30 Sekunden erneut. Ihre Angaben bleiben erhalten.',
    );
    wrapper.unmount();
    ({ wrapper } = await mountWithApp(ErrorMessage, { props: { error: { code: 'rate_limited', retryAfterSeconds: 1800 } } }));
    expect(wrapper.text()).toContain('in 30 Minuten erneut oder rufen Sie die Hotline an');
    wrapper.unmount();
    ({ wrapper } = await mountWithApp(ErrorMessage, { props: { error: { code: 'internal_error' } }, language: 'en' }));
    expect(wrapper.text()).toBe('Sorry, that did not work. Please try again or call us.');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { useSiteStore } from '../stores/site';
import { LOCATION } from '../testing/fixtures';
import { mountWithApp } from '../testing/mount';
import AppFooter from './AppFooter.vue';

describe('AppFooter', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('links imprint, privacy notice and the accessibility statement (BITV 2.0) when the office has them', async () => {
    const { wrapper } = await mountWithApp(AppFooter);
    const site = useSiteStore();
    site.locations = [LOCATION];
    site.select(LOCATION.id);
    await wrapper.vm.$nextTick();
    const links = wrapper.findAll('nav a').map((a) => [a.text(), a.attributes('href')]);
    expect(links).toEqual([
      ['Impressum', 'https://example.org/impressum'],
      ['Datenschutz', 'https://example.org/datenschutz'],
      ['Barrierefreiheit', 'https://example.org/barrierefreiheit'],
    ]);
  });

  it('leaves out links the office has not set', async () => {
    const { wrapper } = await mountWithApp(AppFooter);
    const site = useSiteStore();
    site.locations = [{ ...LOCATION, imprintUrl: null, accessibilityUrl: null }];
    site.select(LOCATION.id);
    await wrapper.vm.$nextTick();
    expect(wrapper.findAll('nav a').map((a) => a.text())).toEqual(['Datenschutz']);
  });
});

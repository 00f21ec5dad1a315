import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { isTypingTarget, useShortcuts } from './useShortcuts';

function mountWithShortcuts(handlers: Record<string, () => void>) {
  const Host = defineComponent({
    setup() {
      useShortcuts(handlers);
      return () =>
        h('div', [
          h('input', { id: 'name' }),
          h('textarea', { id: 'note' }),
          h('select', { id: 'pick' }),
          h('button', { id: 'btn' }, 'ok'),
        ]);
    },
  });
  return mount(Host, { attachTo: document.body });
}

function press(target: EventTarget, key: string, init: KeyboardEventInit = {}) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
}

describe('useShortcuts', () => {
  let wrapper: ReturnType<typeof mountWithShortcuts> | null = null;
  afterEach(() => {
    wrapper?.unmount();
    wrapper = null;
  });

  it('fires on the page and on buttons, case-insensitively', () => {
    const next = vi.fn();
    wrapper = mountWithShortcuts({ N: next });
    press(document.body, 'n');
    press(document.getElementById('btn')!, 'N');
    expect(next).toHaveBeenCalledTimes(2);
  });

  it('does not fire while typing in an input, a textarea or a select', () => {
    const next = vi.fn();
    wrapper = mountWithShortcuts({ N: next });
    for (const id of ['name', 'note', 'pick']) press(document.getElementById(id)!, 'n');
    expect(next).not.toHaveBeenCalled();
  });

  it('does not fire with a modifier held or for a held-down key', () => {
    const next = vi.fn();
    wrapper = mountWithShortcuts({ N: next });
    press(document.body, 'n', { ctrlKey: true });
    press(document.body, 'n', { metaKey: true });
    press(document.body, 'n', { altKey: true });
    press(document.body, 'n', { repeat: true });
    expect(next).not.toHaveBeenCalled();
  });

  it('stops listening once the page is gone', () => {
    const next = vi.fn();
    wrapper = mountWithShortcuts({ N: next });
    wrapper.unmount();
    wrapper = null;
    press(document.body, 'n');
    expect(next).not.toHaveBeenCalled();
  });

  it('recognises typing targets', () => {
    expect(isTypingTarget(document.createElement('input'))).toBe(true);
    expect(isTypingTarget(document.createElement('button'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { IPC, type KioskBridge } from '../shared/bridge';
import { registerBridge, type IpcEventLike } from './ipc';

function setup() {
  const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
  const bridge = {
    getSettings: vi.fn(async () => ({})),
    saveSettings: vi.fn(async () => ({ ok: false, reason: 'pin_required' })),
    verifyPin: vi.fn(async () => ({ ok: true })),
    deviceSelf: vi.fn(async () => ({})),
    checkIn: vi.fn(async () => ({})),
    signalAdmission: vi.fn(async () => ({ sent: false })),
    printTicket: vi.fn(async () => ({ printed: false })),
  } as unknown as KioskBridge & Record<string, ReturnType<typeof vi.fn>>;
  registerBridge({ handle: (channel, listener) => void handlers.set(channel, listener) }, bridge, (url) => url.startsWith('file:///app/'));
  const call = (channel: string, url: string, ...args: unknown[]) => handlers.get(channel)!({ senderFrame: { url } }, ...args);
  return { handlers, bridge, call };
}

const APP = 'file:///app/index.html';

describe('IPC bridge', () => {
  it('registers exactly the kiosk API', () => {
    expect([...setup().handlers.keys()].sort()).toEqual(Object.values(IPC).sort());
  });

  it('passes calls from the app frame through', async () => {
    const { call, bridge } = setup();
    await call(IPC.checkIn, APP, '7KQ4-M2XD');
    expect(bridge.checkIn).toHaveBeenCalledWith('7KQ4-M2XD');
    await call(IPC.saveSettings, APP, { deviceToken: 'x' }, '4711');
    expect(bridge.saveSettings).toHaveBeenCalledWith({ deviceToken: 'x' }, '4711');
  });

  it('refuses any other sender', () => {
    const { call, bridge } = setup();
    expect(() => call(IPC.getSettings, 'https://evil.example/')).toThrow('forbidden');
    expect(() => call(IPC.signalAdmission, '')).toThrow('forbidden');
    expect(bridge.getSettings).not.toHaveBeenCalled();
    expect(bridge.signalAdmission).not.toHaveBeenCalled();
  });

  it('refuses arguments of the wrong shape', () => {
    const { call, bridge } = setup();
    expect(() => call(IPC.checkIn, APP, { code: 1 })).toThrow('invalid');
    expect(() => call(IPC.checkIn, APP, 'X'.repeat(500))).toThrow('invalid');
    expect(() => call(IPC.verifyPin, APP, 1234)).toThrow('invalid');
    expect(() => call(IPC.saveSettings, APP, 'nope')).toThrow('invalid');
    expect(() => call(IPC.printTicket, APP, { ticket: 'A1', lines: 'x' })).toThrow('invalid');
    expect(bridge.checkIn).not.toHaveBeenCalled();
    expect(bridge.printTicket).not.toHaveBeenCalled();
  });
});

import { IPC, type KioskBridge, type SettingsInput, type TicketPrintJob } from '../shared/bridge';

/** The part of `ipcMain` used here; tests pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
}
export interface IpcEventLike {
  senderFrame?: { url: string } | null;
}

const isString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isPrintJob(value: unknown): value is TicketPrintJob {
  return (
    isObject(value) &&
    isString(value.ticket, 32) &&
    isString(value.lang, 16) &&
    (value.dir === 'ltr' || value.dir === 'rtl') &&
    isString(value.locationName, 200) &&
    isString(value.heading, 200) &&
    isString(value.footer, 500) &&
    Array.isArray(value.lines) &&
    value.lines.length <= 10 &&
    value.lines.every((line) => isString(line, 300))
  );
}

/**
 * Wires the bridge to IPC. Every call must come from the app's own frame (`isTrustedSender`)
 * and carry arguments of the expected shape; anything else is refused.
 */
export function registerBridge(ipc: IpcMainLike, bridge: KioskBridge, isTrustedSender: (url: string) => boolean): void {
  const guard = (event: IpcEventLike) => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedSender(url)) throw new Error('forbidden sender');
  };
  const bad = () => {
    throw new Error('invalid arguments');
  };
  ipc.handle(IPC.getSettings, (event) => (guard(event), bridge.getSettings()));
  ipc.handle(IPC.saveSettings, (event, input, pin) => {
    guard(event);
    if (!isObject(input) || (pin !== undefined && !isString(pin, 32))) return bad();
    return bridge.saveSettings(input as SettingsInput, pin);
  });
  ipc.handle(IPC.verifyPin, (event, pin) => (guard(event), isString(pin, 32) ? bridge.verifyPin(pin) : bad()));
  ipc.handle(IPC.deviceSelf, (event) => (guard(event), bridge.deviceSelf()));
  ipc.handle(IPC.checkIn, (event, code) => (guard(event), isString(code, 64) ? bridge.checkIn(code) : bad()));
  ipc.handle(IPC.signalAdmission, (event) => (guard(event), bridge.signalAdmission()));
  ipc.handle(IPC.printTicket, (event, job) => (guard(event), isPrintJob(job) ? bridge.printTicket(job) : bad()));
}

// Sandboxed preload: exposes exactly the typed kiosk API, one IPC channel per call —
// never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC, type KioskBridge } from '../shared/bridge';

const kiosk: KioskBridge = {
  getSettings: () => ipcRenderer.invoke(IPC.getSettings),
  saveSettings: (input, pin) => ipcRenderer.invoke(IPC.saveSettings, input, pin),
  verifyPin: (pin) => ipcRenderer.invoke(IPC.verifyPin, pin),
  deviceSelf: () => ipcRenderer.invoke(IPC.deviceSelf),
  checkIn: (code) => ipcRenderer.invoke(IPC.checkIn, code),
  signalAdmission: () => ipcRenderer.invoke(IPC.signalAdmission),
  printTicket: (job) => ipcRenderer.invoke(IPC.printTicket, job),
};

contextBridge.exposeInMainWorld('kiosk', kiosk);

import type { DeviceSelfResponse } from '@einlass/contracts';
import { readStoredJson, writeStored } from '@einlass/web-kit/storage';
import { FALLBACK_TIMEZONE } from '@einlass/web-kit/time';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { PublicSettings, SaveSettingsResult } from '../../electron/shared/bridge';
import { useHost } from '../host';

export type DeviceStatus = 'starting' | 'provisioning' | 'ready' | 'out_of_service';
export type OutOfServiceReason = 'unreachable' | 'unauthorized';

const DEVICE_CACHE_KEY = 'einlass.kiosk.device';
/** While working: look every 30 s whether the backend is still there. */
export const HEARTBEAT_MS = 30_000;
/** While out of service: retry after 1, 2, 4, 8, then every 15 s. */
export function retryDelay(attempt: number): number {
  return Math.min(15_000, 1_000 * 2 ** attempt);
}

/**
 * The kiosk as a device: provisioned or not, which location it belongs to, and whether the
 * backend answers. Out of service it keeps retrying and comes back by itself.
 */
export const useDeviceStore = defineStore('device', () => {
  const host = useHost();
  const status = ref<DeviceStatus>('starting');
  const reason = ref<OutOfServiceReason | null>(null);
  const settings = ref<PublicSettings | null>(null);
  const device = ref<DeviceSelfResponse | null>(readCachedDevice());
  const adminOpen = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;

  const location = computed(() => device.value?.location ?? null);
  const timezone = computed(() => device.value?.location.timezone ?? FALLBACK_TIMEZONE);

  function schedule(ms: number) {
    clearTimeout(timer);
    timer = setTimeout(() => void check(), ms);
  }

  async function start(): Promise<void> {
    settings.value = await host.getSettings();
    if (!settings.value.provisioned) {
      status.value = 'provisioning';
      return;
    }
    await check();
  }

  /** Asks the backend who we are; the result decides between ready and out of service. */
  async function check(): Promise<void> {
    clearTimeout(timer);
    if (status.value === 'provisioning') return;
    const result = await host.deviceSelf();
    if (result.ok) {
      markReachable(result.data);
    } else if (result.kind === 'unavailable' || result.kind === 'unauthorized') {
      reportProblem(result.kind === 'unauthorized' ? 'unauthorized' : 'unreachable');
    } else {
      // 429 or another answer: the backend is there; look again later.
      if (status.value === 'starting') status.value = 'ready';
      schedule(HEARTBEAT_MS);
    }
  }

  function markReachable(self?: DeviceSelfResponse): void {
    if (self) {
      device.value = self;
      writeCachedDevice(self);
    }
    status.value = 'ready';
    reason.value = null;
    attempt = 0;
    schedule(HEARTBEAT_MS);
  }

  function reportProblem(problem: OutOfServiceReason): void {
    status.value = 'out_of_service';
    reason.value = problem;
    schedule(retryDelay(attempt));
    attempt += 1;
  }

  function provisioned(result: Extract<SaveSettingsResult, { ok: true }>): void {
    settings.value = result.settings;
    adminOpen.value = false;
    markReachable(result.device);
  }

  function openAdmin(): void {
    if (status.value !== 'provisioning') adminOpen.value = true;
  }

  function closeAdmin(): void {
    adminOpen.value = false;
  }

  function stop(): void {
    clearTimeout(timer);
  }

  return {
    status,
    reason,
    settings,
    device,
    location,
    timezone,
    adminOpen,
    start,
    check,
    markReachable,
    reportProblem,
    provisioned,
    openAdmin,
    closeAdmin,
    stop,
  };
});

function readCachedDevice(): DeviceSelfResponse | null {
  return readStoredJson(DEVICE_CACHE_KEY) as DeviceSelfResponse | null;
}

/** Kept so the out-of-service screen can name the office's contact even right after a restart. */
function writeCachedDevice(self: DeviceSelfResponse): void {
  writeStored(DEVICE_CACHE_KEY, JSON.stringify(self));
}

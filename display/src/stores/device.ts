import type { DeviceSelfResponse } from '@einlass/contracts';
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { ApiRequestError } from '@einlass/web-kit/api';
import { getDeviceSelf } from '../api';
import { isDisplayLanguage, type DisplayLanguage } from '../i18n';
import { readStored, writeStored } from '@einlass/web-kit/storage';

export const TOKEN_KEY = 'einlass.display.token';
export const SETTINGS_KEY = 'einlass.display.settings';

export interface DisplaySettings {
  language: DisplayLanguage;
  gong: boolean;
  speech: boolean;
}

/** Why the setup screen is shown: each has its own message in `setup.errors`. */
export type SetupProblem = 'required' | 'unauthorized' | 'wrong_kind' | 'unreachable' | 'rejected';

const DEFAULT_SETTINGS: DisplaySettings = { language: 'de', gong: true, speech: true };

function loadSettings(): DisplaySettings {
  try {
    const raw = JSON.parse(readStored(SETTINGS_KEY) ?? '{}') as Partial<DisplaySettings>;
    return {
      language: isDisplayLanguage(raw.language) ? raw.language : DEFAULT_SETTINGS.language,
      gong: typeof raw.gong === 'boolean' ? raw.gong : DEFAULT_SETTINGS.gong,
      speech: typeof raw.speech === 'boolean' ? raw.speech : DEFAULT_SETTINGS.speech,
    };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

/** This display's device token, what the server says about the device, and its local settings. */
export const useDeviceStore = defineStore('device', () => {
  const token = ref<string | null>(readStored(TOKEN_KEY));
  const device = ref<DeviceSelfResponse | null>(null);
  const settings = ref<DisplaySettings>(loadSettings());
  const problem = ref<SetupProblem | null>(null);

  watch(settings, (value) => writeStored(SETTINGS_KEY, JSON.stringify(value)), { deep: true });

  function setToken(value: string) {
    token.value = value;
    writeStored(TOKEN_KEY, value);
    problem.value = null;
  }

  /** The token was refused: forget it, so the setup screen asks for a new one. */
  function forgetToken(reason: SetupProblem) {
    token.value = null;
    device.value = null;
    writeStored(TOKEN_KEY, null);
    problem.value = reason;
  }

  /** Asks the server who this token belongs to; null when it is valid for a display. */
  async function check(candidate: string): Promise<SetupProblem | null> {
    try {
      const self = await getDeviceSelf(candidate);
      if (self.kind !== 'display') return 'wrong_kind';
      device.value = self;
      return null;
    } catch (error) {
      if (error instanceof ApiRequestError && (error.status === 401 || error.status === 403)) return 'unauthorized';
      return 'unreachable';
    }
  }

  /** Validates and stores a token entered on the setup screen. */
  async function setUp(candidate: string): Promise<SetupProblem | null> {
    const trimmed = candidate.trim();
    if (!trimmed) return (problem.value = 'required');
    const result = await check(trimmed);
    if (result) return (problem.value = result);
    setToken(trimmed);
    return null;
  }

  /**
   * Re-checks the stored token at start. An unreachable server is no reason to leave the
   * display (it reconnects by itself); a refused token is.
   */
  async function refresh(): Promise<SetupProblem | null> {
    if (!token.value) return 'required';
    const result = await check(token.value);
    if (result === 'unauthorized' || result === 'wrong_kind') {
      forgetToken(result);
      return result;
    }
    return null;
  }

  return {
    token: computed(() => token.value),
    device: computed(() => device.value),
    problem: computed(() => problem.value),
    settings,
    setToken,
    forgetToken,
    setUp,
    refresh,
  };
});

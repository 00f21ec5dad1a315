import type { LocationResponse, StaffRole, StaffUserResponse } from '@einlass/contracts';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api } from '../api';
import { readStored, writeStored } from '@einlass/web-kit/storage';
import { STORAGE_KEYS } from '../lib/storage';

/** The logged-in staff member and the location they work for. */
export const useSessionStore = defineStore('session', () => {
  const user = ref<StaffUserResponse | null>(null);
  /** Whether we have asked the server who is logged in (once per page load). */
  const checked = ref(false);
  const locations = ref<LocationResponse[]>([]);
  const locationId = ref<number | null>(null);

  const location = computed(() => locations.value.find((l) => l.id === locationId.value) ?? null);
  const isLoggedIn = computed(() => user.value !== null);

  /** Admins may do everything a clerk or hotline agent does. */
  function hasRole(role: StaffRole): boolean {
    const roles = user.value?.roles ?? [];
    return roles.includes(role) || roles.includes('admin');
  }

  /** Where to go after login: the first area the user's roles open. */
  const homeRoute = computed<string>(() => {
    const roles = user.value?.roles ?? [];
    if (roles.includes('clerk')) return '/counters';
    if (roles.includes('hotline')) return '/hotline';
    if (roles.includes('admin')) return '/admin';
    return '/login';
  });

  async function loadLocations(): Promise<void> {
    const all = await api.locations();
    const mine = all.filter((l) => user.value?.locationIds.includes(l.id));
    locations.value = mine.length > 0 || !user.value?.roles.includes('admin') ? mine : all;
    const remembered = Number(readStored(STORAGE_KEYS.location));
    locationId.value = locations.value.find((l) => l.id === remembered)?.id ?? locations.value[0]?.id ?? null;
  }

  async function restore(): Promise<void> {
    if (checked.value) return;
    user.value = await api.me();
    checked.value = true;
    if (user.value) await loadLocations();
  }

  async function login(username: string, password: string): Promise<StaffUserResponse> {
    const me = await api.login({ username, password });
    user.value = me;
    checked.value = true;
    await loadLocations();
    return me;
  }

  /** Forget the user locally, e.g. when the server answered 401 because the session ended. */
  function expire(): void {
    user.value = null;
    locations.value = [];
    locationId.value = null;
  }

  async function logout(): Promise<void> {
    try {
      await api.logout();
    } finally {
      expire();
    }
  }

  function selectLocation(id: number): void {
    if (!locations.value.some((l) => l.id === id)) return;
    locationId.value = id;
    writeStored(STORAGE_KEYS.location, String(id));
  }

  return { user, checked, locations, locationId, location, isLoggedIn, homeRoute, hasRole, restore, login, logout, expire, selectLocation };
});

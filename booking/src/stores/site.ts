import type { LocationResponse } from '@einlass/contracts';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { asApiError, type ApiRequestError } from '@einlass/web-kit/api';
import { api } from '../api';

/** The offices citizens can book at, and the one they are dealing with now. */
export const useSiteStore = defineStore('site', () => {
  const locations = ref<LocationResponse[]>([]);
  const locationId = ref<number | null>(null);
  const loading = ref(false);
  const error = ref<ApiRequestError | null>(null);
  let pending: Promise<void> | null = null;

  const location = computed(() => locations.value.find((l) => l.id === locationId.value) ?? null);
  const hasSeveral = computed(() => locations.value.length > 1);

  function load(): Promise<void> {
    if (locations.value.length) return Promise.resolve();
    pending ??= (async () => {
      loading.value = true;
      error.value = null;
      try {
        locations.value = await api.locations();
        // With a single office there is nothing to choose.
        if (locations.value.length === 1) locationId.value = locations.value[0].id;
      } catch (e) {
        error.value = asApiError(e);
      } finally {
        loading.value = false;
        pending = null;
      }
    })();
    return pending;
  }

  function select(id: number | null): void {
    locationId.value = id;
  }

  return { locations, locationId, location, hasSeveral, loading, error, load, select };
});

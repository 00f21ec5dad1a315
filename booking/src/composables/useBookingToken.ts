import type { BookingPreviewResponse } from '@einlass/contracts';
import { computed, ref } from 'vue';
import { useRoute } from 'vue-router';
import { asApiError, type ApiRequestError } from '@einlass/web-kit/api';
import { api } from '../api';
import { useSiteStore } from '../stores/site';

/**
 * The token from an e-mail link (`?token=`) and the booking it names. Loading only reads:
 * mail scanners open links, so nothing changes until the citizen presses the button.
 */
export function useBookingToken() {
  const route = useRoute();
  const site = useSiteStore();
  const token = computed(() => (typeof route.query.token === 'string' ? route.query.token.trim() : ''));
  const preview = ref<BookingPreviewResponse | null>(null);
  const loading = ref(false);
  const error = ref<ApiRequestError | null>(null);

  async function load(): Promise<void> {
    if (!token.value) return;
    loading.value = true;
    error.value = null;
    try {
      const [answer] = await Promise.all([api.preview(token.value), site.load()]);
      preview.value = answer;
      // Header and footer show the office of this booking.
      if (site.locations.some((l) => l.id === answer.location.id)) site.select(answer.location.id);
    } catch (e) {
      error.value = asApiError(e);
    } finally {
      loading.value = false;
    }
  }

  return { token, preview, loading, error, load };
}

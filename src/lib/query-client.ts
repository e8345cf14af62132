import { QueryClient } from '@tanstack/react-query';

/** Server data lives here. Errors show at once: the SDK already retries what is worth retrying. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
  },
});

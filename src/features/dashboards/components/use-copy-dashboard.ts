import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useConnectionStore } from '../../../lib/connection-store.ts';
import {
  deleteDashboards,
  getDashboard,
  getDashboardQueryOptions,
  listDashboardsQueryOptions,
  putDashboard,
} from '../api/dashboards.ts';

/**
 * Duplicates a dashboard (GetDashboard, then PutDashboard of the same body under the new name), or
 * renames it (then DeleteDashboards of the old name): CloudWatch has no rename. If the delete fails,
 * the copy stays and the error says so; nothing is lost.
 */
export function useCopyDashboard() {
  const connection = useConnectionStore();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ from, to, move }: { from: string; to: string; move: boolean }) => {
      const { bodyText } = await getDashboard(connection, from);
      await putDashboard(connection, to, bodyText);
      if (!move) return;
      try {
        await deleteDashboards(connection, [from]);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        throw new Error(`${to} was saved, but ${from} could not be deleted: ${reason}`, { cause: err });
      }
      queryClient.removeQueries({ queryKey: getDashboardQueryOptions(connection, from).queryKey });
    },
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: listDashboardsQueryOptions(connection).queryKey }),
  });
}

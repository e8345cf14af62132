import {
  type DashboardEntry,
  type DashboardValidationMessage,
  DeleteDashboardsCommand,
  GetDashboardCommand,
  ListDashboardsCommand,
  PutDashboardCommand,
} from '@aws-sdk/client-cloudwatch';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cloudWatchClient } from '../../../lib/aws-clients.ts';
import { type Connection, useConnectionStore } from '../../../lib/connection-store.ts';

/** One dashboard of the list. */
export interface DashboardSummary {
  name: string;
  arn: string;
  lastModifiedMs: number | undefined;
  sizeBytes: number | undefined;
}

const toSummary = (e: DashboardEntry): DashboardSummary => ({
  name: e.DashboardName ?? '',
  arn: e.DashboardArn ?? '',
  lastModifiedMs: e.LastModified?.getTime(),
  sizeBytes: e.Size,
});

/**
 * ListDashboards through the SDK, following NextToken until every page is in (1,000 per page).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_ListDashboards.html
 */
export async function listDashboards(connection: Connection): Promise<DashboardSummary[]> {
  const client = cloudWatchClient(connection);
  const out: DashboardSummary[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListDashboardsCommand({ NextToken: token }));
    out.push(...(page.DashboardEntries ?? []).map(toSummary));
    token = page.NextToken;
  } while (token);
  return out;
}

const dashboardsKey = (c: Connection) => ['cloudwatch', 'dashboards', c.endpoint, c.region] as const;

export const listDashboardsQueryOptions = (connection: Connection) =>
  queryOptions({
    queryKey: [...dashboardsKey(connection), 'list'],
    queryFn: () => listDashboards(connection),
  });

/** Every dashboard of the account, by name. */
export function useDashboardList() {
  return useQuery(listDashboardsQueryOptions(useConnectionStore()));
}

/** A dashboard's body as stored (the exact text), and its ARN. */
export interface StoredDashboard {
  name: string;
  arn: string;
  bodyText: string;
}

export async function getDashboard(connection: Connection, name: string): Promise<StoredDashboard> {
  const out = await cloudWatchClient(connection).send(new GetDashboardCommand({ DashboardName: name }));
  return { name: out.DashboardName ?? name, arn: out.DashboardArn ?? '', bodyText: out.DashboardBody ?? '' };
}

export const getDashboardQueryOptions = (connection: Connection, name: string) =>
  queryOptions({
    queryKey: [...dashboardsKey(connection), 'get', name],
    queryFn: () => getDashboard(connection, name),
    // A body changes only when someone saves it; the page refetches after its own saves.
    staleTime: 30_000,
    retry: (count, error) => error.name !== 'DashboardNotFoundError' && count < 2,
  });

/** GetDashboard of one dashboard (disabled without a name). */
export function useDashboard(name: string | undefined) {
  const connection = useConnectionStore();
  return useQuery({ ...getDashboardQueryOptions(connection, name ?? ''), enabled: name !== undefined });
}

/** What PutDashboard answered: the warnings of a body that was saved (errors throw). */
export type SaveWarnings = DashboardValidationMessage[];

export async function putDashboard(
  connection: Connection,
  name: string,
  bodyText: string,
): Promise<SaveWarnings> {
  const out = await cloudWatchClient(connection).send(
    new PutDashboardCommand({ DashboardName: name, DashboardBody: bodyText }),
  );
  return out.DashboardValidationMessages ?? [];
}

/** PutDashboard; the list and the dashboard re-query afterwards. */
export function usePutDashboard() {
  const connection = useConnectionStore();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, bodyText }: { name: string; bodyText: string }) =>
      putDashboard(connection, name, bodyText),
    onSuccess: (_warnings, { name, bodyText }) => {
      queryClient.setQueryData(getDashboardQueryOptions(connection, name).queryKey, (old) => ({
        name,
        arn: old?.arn ?? '',
        bodyText,
      }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: dashboardsKey(connection) }),
  });
}

/**
 * DeleteDashboards, 100 names per call (CloudWatch's limit), one call after another.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DeleteDashboards.html
 */
export async function deleteDashboards(connection: Connection, names: readonly string[]): Promise<void> {
  const client = cloudWatchClient(connection);
  for (let i = 0; i < names.length; i += 100) {
    await client.send(new DeleteDashboardsCommand({ DashboardNames: names.slice(i, i + 100) }));
  }
}

export function useDeleteDashboards() {
  const connection = useConnectionStore();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (names: readonly string[]) => deleteDashboards(connection, names),
    onSettled: (_r, _e, names) => {
      for (const name of names)
        queryClient.removeQueries({ queryKey: getDashboardQueryOptions(connection, name).queryKey });
      return queryClient.invalidateQueries({ queryKey: dashboardsKey(connection) });
    },
  });
}

/** CloudWatch's dashboard name rules: 1–255 characters, letters, digits, "-" and "_". */
export function dashboardNameError(name: string, existing: readonly string[] = []): string | undefined {
  if (name.length === 0) return 'Enter a name.';
  if (name.length > 255) return `The name has ${name.length} characters; at most 255 are allowed.`;
  const bad = [...new Set(name.replace(/[A-Za-z0-9_-]/g, ''))];
  if (bad.length > 0)
    return `The name may contain only letters, digits, "-" and "_" (not ${bad.map((c) => (c === ' ' ? 'spaces' : `"${c}"`)).join(', ')}).`;
  if (existing.includes(name)) return `A dashboard named ${name} already exists.`;
  return undefined;
}

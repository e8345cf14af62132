// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeValue, click, getByLabelText, render, waitFor } from '../../../components/test-render.ts';
import type { Rendered } from '../../../components/test-render.ts';
import type { DashboardVariable } from '../model/dashboard-body.ts';
import { VariablesBar } from './variables-bar.tsx';

vi.mock('../../../lib/aws-clients.ts', () => ({
  cloudWatchClient: () => ({
    send: async () => ({
      Metrics: [
        {
          Namespace: 'AWS/S3',
          MetricName: 'BucketSizeBytes',
          Dimensions: [
            { Name: 'BucketName', Value: 'logs' },
            { Name: 'StorageType', Value: 'StandardStorage' },
          ],
        },
        {
          Namespace: 'AWS/S3',
          MetricName: 'BucketSizeBytes',
          Dimensions: [
            { Name: 'BucketName', Value: 'assets' },
            { Name: 'StorageType', Value: 'StandardStorage' },
          ],
        },
        {
          Namespace: 'AWS/S3',
          MetricName: 'NumberOfObjects',
          Dimensions: [
            { Name: 'BucketName', Value: 'other' },
            { Name: 'StorageType', Value: 'AllStorageTypes' },
          ],
        },
      ],
    }),
  }),
}));

// The variables of the CDK's integration test body (cdk-integ-dashboard-variables).
const VARIABLES: DashboardVariable[] = [
  {
    pattern: 'RegionPlaceholder',
    type: 'pattern',
    inputType: 'radio',
    id: 'region3',
    defaultValue: 'us-east-1',
    visible: true,
    label: 'RegionPatternWithValues',
    values: [
      { label: 'IAD', value: 'us-east-1' },
      { label: 'DUB', value: 'us-west-2' },
    ],
  },
  {
    property: 'BucketName',
    type: 'property',
    inputType: 'select',
    id: 'BucketName',
    defaultValue: '__FIRST',
    visible: true,
    label: 'BucketName',
    search: '{AWS/S3,BucketName,StorageType} MetricName="BucketSizeBytes"',
    populateFrom: 'BucketName',
  },
];

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

describe('the variables bar', () => {
  it('offers the radio values and the search results, and __FIRST takes the first result', async () => {
    const changes: [string, string][] = [];
    function Harness() {
      const [values, setValues] = useState<Record<string, string>>({ region3: 'us-east-1' });
      return (
        <VariablesBar
          variables={VARIABLES}
          values={values}
          onChange={(id, value) => {
            changes.push([id, value]);
            setValues((v) => ({ ...v, [id]: value }));
          }}
        />
      );
    }
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    rendered = render(
      <QueryClientProvider client={client}>
        <Harness />
      </QueryClientProvider>,
    );
    const c = rendered.container;
    const select = await waitFor(() => {
      const s = getByLabelText<HTMLSelectElement>(c, 'BucketName');
      if (s.options.length < 2) throw new Error('no results yet');
      return s;
    });
    expect(Array.from(select.options).map((o) => o.value)).toEqual(['assets', 'logs']);
    expect(changes).toEqual([['BucketName', 'assets']]);
    changeValue(select, 'logs');
    click(getByLabelText(c, 'DUB'));
    expect(changes.slice(1)).toEqual([
      ['BucketName', 'logs'],
      ['region3', 'us-west-2'],
    ]);
  });
});

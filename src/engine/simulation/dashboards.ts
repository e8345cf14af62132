// The simulated account's dashboards: seeded when the simulation is on, and again on reset.
// The engine keeps its own copy of the body (features may not import the engine, nor the engine them).

/** A dashboard body as plain JSON data. */
type SeededBody = { widgets: Record<string, unknown>[]; [key: string]: unknown };

/** The name of the simulated account's landing dashboard. */
export const SERVICE_HEALTH_NAME = 'Service-health';

const ALB = 'app/web-alb/50dc6c495c0c9188';
const WEB = ['i-0a1b2c3d4e5f60001', 'i-0a1b2c3d4e5f60002', 'i-0a1b2c3d4e5f60003', 'i-0a1b2c3d4e5f60004'];

/** The landing dashboard of the simulated account, as a CloudWatch dashboard body. */
export const SERVICE_HEALTH_BODY: SeededBody = {
  widgets: [
    {
      type: 'text',
      x: 0,
      y: 0,
      width: 24,
      height: 2,
      properties: {
        markdown:
          'The simulated shop: an **Application Load Balancer** in front of three web instances, the **orders-api** Lambda function behind it, the **orders** DynamoDB table and the **orders-db** RDS database. Drag across a graph to zoom in; all times are UTC.',
      },
    },
    {
      type: 'metric',
      x: 0,
      y: 2,
      width: 6,
      height: 5,
      properties: {
        title: 'Requests (ALB)',
        view: 'singleValue',
        sparkline: true,
        trend: true,
        stat: 'Sum',
        metrics: [['AWS/ApplicationELB', 'RequestCount', 'LoadBalancer', ALB, { label: 'Requests' }]],
      },
    },
    {
      type: 'metric',
      x: 6,
      y: 2,
      width: 6,
      height: 5,
      properties: {
        title: 'RDS CPU (orders-db)',
        view: 'gauge',
        stat: 'Average',
        yAxis: { left: { min: 0, max: 100 } },
        metrics: [['AWS/RDS', 'CPUUtilization', 'DBInstanceIdentifier', 'orders-db', { label: 'CPU' }]],
      },
    },
    {
      type: 'metric',
      x: 12,
      y: 2,
      width: 12,
      height: 5,
      properties: {
        title: 'ALB target response time',
        view: 'timeSeries',
        metrics: [
          ['AWS/ApplicationELB', 'TargetResponseTime', 'LoadBalancer', ALB, { stat: 'p50', label: 'p50' }],
          ['.', '.', '.', '.', { stat: 'p99', label: 'p99' }],
        ],
      },
    },
    {
      type: 'metric',
      x: 0,
      y: 7,
      width: 12,
      height: 7,
      properties: {
        title: 'EC2 CPU utilization',
        view: 'timeSeries',
        stat: 'Average',
        yAxis: { left: { min: 0, max: 100 } },
        metrics: WEB.map((id, i) => [
          'AWS/EC2',
          'CPUUtilization',
          'InstanceId',
          id,
          { label: i < 3 ? `web-${i + 1} ${id}` : `batch-1 ${id}` },
        ]),
      },
    },
    {
      type: 'metric',
      x: 12,
      y: 7,
      width: 12,
      height: 7,
      properties: {
        title: 'Lambda orders-api: invocations and errors',
        view: 'timeSeries',
        stat: 'Sum',
        metrics: [
          ['AWS/Lambda', 'Invocations', 'FunctionName', 'orders-api', { label: 'Invocations' }],
          ['.', 'Errors', '.', '.', { label: 'Errors', color: '#d62728' }],
        ],
      },
    },
    {
      type: 'metric',
      x: 0,
      y: 14,
      width: 12,
      height: 6,
      properties: {
        title: 'ALB responses by status (stacked)',
        view: 'timeSeries',
        stacked: true,
        stat: 'Sum',
        metrics: [
          [
            'AWS/ApplicationELB',
            'HTTPCode_Target_2XX_Count',
            'LoadBalancer',
            ALB,
            { label: '2XX', color: '#2ca02c' },
          ],
          ['.', 'HTTPCode_Target_4XX_Count', '.', '.', { label: '4XX', color: '#ff7f0e' }],
          ['.', 'HTTPCode_Target_5XX_Count', '.', '.', { label: '5XX', color: '#d62728' }],
        ],
      },
    },
    {
      type: 'metric',
      x: 12,
      y: 14,
      width: 12,
      height: 6,
      properties: {
        title: 'DynamoDB orders: read capacity, consumed vs provisioned (units/s)',
        view: 'timeSeries',
        stat: 'Average',
        metrics: [
          ['AWS/DynamoDB', 'ConsumedReadCapacityUnits', 'TableName', 'orders', { label: 'Consumed' }],
          ['.', 'ProvisionedReadCapacityUnits', '.', '.', { label: 'Provisioned', color: '#7f7f7f' }],
        ],
      },
    },
    {
      type: 'metric',
      x: 0,
      y: 20,
      width: 12,
      height: 6,
      properties: {
        title: 'EC2 network out',
        view: 'timeSeries',
        stacked: true,
        stat: 'Sum',
        metrics: WEB.slice(0, 3).map((id, i) => [
          'AWS/EC2',
          'NetworkOut',
          'InstanceId',
          id,
          { label: `web-${i + 1}` },
        ]),
      },
    },
    {
      type: 'metric',
      x: 12,
      y: 20,
      width: 6,
      height: 6,
      properties: {
        title: 'Lambda errors (orders-api)',
        view: 'singleValue',
        sparkline: true,
        trend: true,
        stat: 'Sum',
        metrics: [['AWS/Lambda', 'Errors', 'FunctionName', 'orders-api', { label: 'orders-api errors' }]],
      },
    },
    {
      type: 'metric',
      x: 18,
      y: 20,
      width: 6,
      height: 6,
      properties: {
        title: 'ALB 5XX error rate, % (metric math)',
        view: 'timeSeries',
        stat: 'Sum',
        metrics: [
          [{ expression: '100 * errors / requests', label: '5XX rate (%)', id: 'rate' }],
          [
            'AWS/ApplicationELB',
            'HTTPCode_Target_5XX_Count',
            'LoadBalancer',
            ALB,
            { id: 'errors', visible: false },
          ],
          ['.', 'RequestCount', '.', '.', { id: 'requests', visible: false }],
        ],
      },
    },
    {
      // An empty list shows every alarm, so alarms created later appear here (see the widget's help).
      type: 'alarm',
      x: 0,
      y: 26,
      width: 24,
      height: 4,
      properties: { title: 'Alarms', alarms: [], sortBy: 'stateUpdatedTimestamp' },
    },
  ],
};

/** The dashboards a simulated account starts with: name and body text (as PutDashboard would get it). */
export function simulatedDashboards(): { name: string; body: string }[] {
  return [{ name: SERVICE_HEALTH_NAME, body: JSON.stringify(SERVICE_HEALTH_BODY) }];
}

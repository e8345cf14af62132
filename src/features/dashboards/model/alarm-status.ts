import type { AlarmSortBy, AlarmStateValue, AlarmWidgetProperties } from './dashboard-body.ts';

/** An alarm as the status widget draws it. */
export interface AlarmTile {
  name: string;
  arn?: string;
  type: 'MetricAlarm' | 'CompositeAlarm';
  /** Undefined for an alarm the body lists but the backend does not have. */
  state: AlarmStateValue | undefined;
  /** When the state last changed, epoch ms (0 if unknown). */
  updatedMs: number;
}

/** The alarm name inside an alarm ARN `arn:aws:cloudwatch:<region>:<account>:alarm:<name>` (or the text itself). */
export function alarmNameOfArn(arn: string): string {
  const m = /^arn:[^:]+:cloudwatch:[^:]*:[^:]*:alarm:(.+)$/.exec(arn);
  return m ? m[1] : arn;
}

const RANK: Record<AlarmStateValue, number> = { ALARM: 0, INSUFFICIENT_DATA: 1, OK: 2 };
const rank = (s: AlarmStateValue | undefined) => (s === undefined ? 3 : RANK[s]);

/** Orders tiles as `sortBy` says (spec: CDK's AlarmStatusWidgetSortBy); ties by name. */
export function sortTiles(tiles: readonly AlarmTile[], sortBy: AlarmSortBy = 'default'): AlarmTile[] {
  const byName = (a: AlarmTile, b: AlarmTile) => a.name.localeCompare(b.name);
  const byTime = (a: AlarmTile, b: AlarmTile) => b.updatedMs - a.updatedMs;
  const compare =
    sortBy === 'timestamp'
      ? (a: AlarmTile, b: AlarmTile) => byTime(a, b) || byName(a, b)
      : sortBy === 'stateUpdatedTimestamp'
        ? (a: AlarmTile, b: AlarmTile) => rank(a.state) - rank(b.state) || byTime(a, b) || byName(a, b)
        : byName;
  return [...tiles].sort(compare);
}

/**
 * The tiles of a widget: the alarms its body lists (all of them when the list is empty), in the
 * listed states only, sorted. A listed ARN the backend does not know stays, as "not found".
 */
export function widgetTiles(props: AlarmWidgetProperties, known: readonly AlarmTile[]): AlarmTile[] {
  let tiles: AlarmTile[];
  if (props.alarms.length === 0) tiles = [...known];
  else {
    const byName = new Map(known.map((t) => [t.name, t]));
    const names = [...new Set(props.alarms.map(alarmNameOfArn))];
    tiles = names.map(
      (name) =>
        byName.get(name) ?? {
          name,
          arn: props.alarms.find((a) => alarmNameOfArn(a) === name),
          type: 'MetricAlarm',
          state: undefined,
          updatedMs: 0,
        },
    );
  }
  const states = props.states ?? [];
  if (states.length > 0) tiles = tiles.filter((t) => t.state !== undefined && states.includes(t.state));
  return sortTiles(tiles, props.sortBy);
}

/** The page a tile opens: a composite alarm's page, or the alarm's page. */
export function alarmTilePath(tile: Pick<AlarmTile, 'name' | 'type'>): string {
  const name = encodeURIComponent(tile.name);
  return tile.type === 'CompositeAlarm' ? `/alarms/composite/${name}` : `/alarms/${name}`;
}

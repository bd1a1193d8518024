/** Required sets: which columns and cells a table must have, by its family, unless the profile says. */
import { requiredSetIsAuto, SAMPLE_REQUIRED_CELLS, SAMPLE_REQUIRED_COLUMNS, type Profile } from './profile';
import type { Layout, Role } from './types';

export type RequiredSetId = 'sample' | 'kpi-core' | 'profile';

export interface RequiredSet {
  id: RequiredSetId;
  /** Each entry is satisfied by any one of its roles (指標 or 取組内容; 達成度 or 達成率). */
  columns: Role[][];
  cells: Role[];
}

/** The KPI core an indicator list is held to: a name, the target, the actual, and a grade or a rate. */
export const KPI_CORE_COLUMNS: readonly (readonly Role[])[] = [
  ['indicator', 'initiative'],
  ['kpi_target'],
  ['kpi_actual'],
  ['grade', 'rate'],
];

export function requiredSetFor(layout: Layout, profile: Profile): RequiredSet {
  if (!requiredSetIsAuto(profile))
    return { id: 'profile', columns: profile.requiredColumns.map((r) => [r]), cells: [...profile.requiredCells] };
  if (layout.family === 'sample')
    return { id: 'sample', columns: SAMPLE_REQUIRED_COLUMNS.map((r) => [r]), cells: [...SAMPLE_REQUIRED_CELLS] };
  const name: Role = layout.columns.indicator !== undefined ? 'indicator' : 'initiative';
  return { id: 'kpi-core', columns: KPI_CORE_COLUMNS.map((g) => [...g]), cells: [name] };
}

/** Every real table of test/fixtures/real/, in the order of corpus.json. */
import type { TableSpec } from './types';
import { spec as kawasaki } from './kanagawa-kawasaki-lib-h19';
import { spec as akita } from './akita-kenko-akita21';
import { spec as saitama } from './saitama-pref-lib-r6';
import { spec as matsudo } from './matsudo-sogo-senryaku-h30';
import { spec as yamaguchi } from './yamaguchi-labour-hw-h28-05';
import { spec as tochigi } from './tochigi-pref-lib-r6';

export const SPECS: readonly TableSpec[] = [kawasaki, akita, saitama, matsudo, yamaguchi, tochigi];

/** Every real table of test/fixtures/real/, in the order of corpus.json. */
import type { TableSpec } from './types';
import { spec as kawasaki } from './kanagawa-kawasaki-lib-h19';
import { spec as akita } from './akita-kenko-akita21';
import { spec as saitama } from './saitama-pref-lib-r6';
import { spec as matsudo } from './matsudo-sogo-senryaku-h30';
import { spec as yamaguchi } from './yamaguchi-labour-hw-h28-05';
import { spec as tochigi } from './tochigi-pref-lib-r6';
import { spec as osaka } from './osaka-pref-lib-h25-27';
import { spec as ino } from './ino-sogo-senryaku-h29';
import { spec as mhlw } from './mhlw-kenko-nippon21-final';
import { spec as tagawa } from './tagawa-sogo-keikaku-r1';
import { spec as yamagata } from './yamagata-hatten-keikaku-2021';
import { spec as nagoya } from './nagoya-port-gyosei-hyoka-h26';
import { spec as tsukuba } from './tsukuba-sogo-senryaku-h27';
import { spec as ibaraki } from './ibaraki-sogo-keikaku-h24';

export const SPECS: readonly TableSpec[] = [
  kawasaki,
  akita,
  saitama,
  matsudo,
  yamaguchi,
  tochigi,
  osaka,
  ino,
  mhlw,
  tagawa,
  yamagata,
  nagoya,
  tsukuba,
  ibaraki,
];

/** The seed's one KPI (row 22 of seeds/000_3cf5f138d44a5c0c.txt, columns 4–6), copied exactly. */
export const SEED_TARGET =
  '①本事業において、就職氷河期世代のひきこもり当事者が社会参加（就労体験及び就労訓練等への参加）につながった人數 54人（R6年度到達目標：32人）';
export const SEED_ACTUAL =
  '①本事業において、就職氷河期世代のひきこもり当事者が社会参加（就労体験及び就労訓練等への参加）につながった人數 8人（R5年度実績：4人）';
export const SEED_GRADE = 'D';

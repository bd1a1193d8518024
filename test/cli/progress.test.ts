import { Progress } from '../../src/cli/progress';

describe('the progress line', () => {
  it('shows files done, findings so far and the time left, redrawn in place', () => {
    const out: string[] = [];
    const p = new Progress(4, (s) => out.push(s), 'ja');
    p.tick(3);
    p.tick(0);
    p.tick(2);
    p.tick(1);
    const last = out[out.length - 1]!;
    expect(last.startsWith('\r\x1b[K')).toBe(true);
    expect(last).toMatch(/4\/4 ファイル {2}指摘 6 件 {2}残り 0:00$/);
    expect(new Progress(10, () => undefined, 'en').line()).toMatch(/^░{20} 0\/10 files {2}0 findings {2}-:-- left$/);
  });
});

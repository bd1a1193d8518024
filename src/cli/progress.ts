/** The progress line on a terminal (stderr): files done, findings so far, time left. */
export class Progress {
  private done = 0;
  private findings = 0;
  private readonly started = Date.now();
  private last = 0;

  constructor(
    private readonly total: number,
    private readonly write: (s: string) => void,
    private readonly lang: 'ja' | 'en',
  ) {}

  /** One more file done, with its findings. */
  tick(findings: number): void {
    this.done++;
    this.findings += findings;
    const now = Date.now();
    // At most ten redraws a second, and always the last one.
    if (now - this.last < 100 && this.done < this.total) return;
    this.last = now;
    this.write(`\r\x1b[K${this.line(now)}`);
  }

  line(now = Date.now()): string {
    const width = 20;
    const filled = Math.round((this.done / this.total) * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const elapsed = (now - this.started) / 1000;
    const left = this.done > 0 ? (elapsed / this.done) * (this.total - this.done) : NaN;
    const time = Number.isFinite(left) ? `${Math.floor(left / 60)}:${String(Math.round(left % 60)).padStart(2, '0')}` : '-:--';
    return this.lang === 'ja'
      ? `${bar} ${this.done}/${this.total} ファイル  指摘 ${this.findings} 件  残り ${time}`
      : `${bar} ${this.done}/${this.total} files  ${this.findings} findings  ${time} left`;
  }

  clear(): void {
    this.write('\r\x1b[K');
  }
}

/**
 * When the renderer crashes or hangs, the kiosk reloads it. A renderer that keeps crashing
 * is reloaded with growing pauses, so a broken page does not spin the CPU.
 */
export class RecoveryPolicy {
  private crashes: number[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    private readonly windowMs = 60_000,
  ) {}

  /** Delay before reloading after the renderer process went away. */
  afterCrash(): number {
    const now = this.now();
    this.crashes = this.crashes.filter((t) => now - t < this.windowMs);
    this.crashes.push(now);
    const recent = this.crashes.length;
    if (recent <= 1) return 0;
    if (recent === 2) return 1_000;
    if (recent === 3) return 5_000;
    return 30_000;
  }

  /** How long a hanging renderer gets to answer again before it is reloaded. */
  readonly unresponsiveGraceMs = 10_000;
}

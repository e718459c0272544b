/**
 * A drawing that follows the text: asked for after every change (a redraw, a resize), it runs
 * once however often it was asked meanwhile — in the next animation frame, or, for a drawing
 * that must never hold up the frame a key press paints in, when the browser is next idle (at
 * most `IDLE_TIMEOUT_MS` later).
 */
const IDLE_TIMEOUT_MS = 200;

export class NextFrame {
  private requested = false;

  constructor(private readonly draw: () => void, private readonly when: "frame" | "idle" = "frame") {}

  request(): void {
    if (this.requested) return;
    this.requested = true;
    const run = (): void => {
      this.requested = false;
      this.draw();
    };
    if (this.when === "idle" && typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    else requestAnimationFrame(run);
  }
}

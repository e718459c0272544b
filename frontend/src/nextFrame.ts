/**
 * A drawing that follows the text: asked for after every change (a redraw, a resize), it runs in
 * the next animation frame, once however often it was asked meanwhile.
 */
export class NextFrame {
  private requested = false;

  constructor(private readonly draw: () => void) {}

  request(): void {
    if (this.requested) return;
    this.requested = true;
    requestAnimationFrame(() => {
      this.requested = false;
      this.draw();
    });
  }
}

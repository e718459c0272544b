/**
 * Ages as people say them, the same words as the server's io.gloss.web.Age: a page left open
 * keeps its "3 min ago" true by recounting every minute (everyPage.ts).
 */
export function since(then: number, now: number): string {
  // A clock a little behind the server's is still "just now", not "in the future".
  const seconds = Math.max(0, Math.floor((now - then) / 1000));
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  if (seconds < 60 * 86_400) return `${Math.floor(seconds / 86_400)} d ago`;
  return `${Math.floor(seconds / (30 * 86_400))} months ago`;
}

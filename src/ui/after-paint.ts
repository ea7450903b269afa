/**
 * Runs `work` once the browser has painted what is in the page now: a frame is drawn (`requestAnimationFrame` runs
 * before it), then a task after it. What the user sees first is painted before `work`, not after it. Returns a
 * cancel for an effect's cleanup.
 */
export function afterNextPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work)
  })
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}

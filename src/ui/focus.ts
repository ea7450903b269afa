/** Whether the focus went nowhere: the control that had it left the page (a row removed, a button replaced). */
export function focusIsLost(): boolean {
  const active = document.activeElement
  return active === null || active === document.body || !active.isConnected
}

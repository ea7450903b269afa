import { type RefObject, useEffect, useRef } from 'react'

/**
 * While the dialog is open, a file dropped anywhere is never the browser's to open: its default (showing the file
 * in place of the app) would lose everything the app holds, a webhook's connection included. A drop inside the
 * dialog that its drop area did not take goes to `onFile`; one outside it does nothing.
 */
export function useDropAnywhere(
  inside: RefObject<HTMLElement | null>,
  onFile: (file: File | undefined) => void,
) {
  const latest = useRef(onFile)
  latest.current = onFile
  useEffect(() => {
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true
    const over = (event: DragEvent) => {
      if (carriesFiles(event)) event.preventDefault()
    }
    const drop = (event: DragEvent) => {
      // The drop area (a React handler, run before this one) took it already.
      if (event.defaultPrevented || !carriesFiles(event)) return
      event.preventDefault()
      const dialog = inside.current?.closest('dialog') ?? inside.current
      if (dialog?.contains(event.target as Node)) latest.current(event.dataTransfer?.files[0])
    }
    document.addEventListener('dragover', over)
    document.addEventListener('drop', drop)
    return () => {
      document.removeEventListener('dragover', over)
      document.removeEventListener('drop', drop)
    }
  }, [inside])
}

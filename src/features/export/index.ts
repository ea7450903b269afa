// Exporting the listed commands to a JSON file (the one a restore reads back): a chunk of its own, loaded when the
// page prefetches what a click may need, and on the click.
export const loadExport = () => import('./on-demand/export-file')

export declare const PACKAGE_FILE: string
export declare const ENTRY_PAGE: string
export declare const INSTALL_PAGE: string
export declare const SANDBOX_MARKERS: string[]
export declare function packageProblems(entries: Record<string, Uint8Array>): string[]
export declare function packageEntries(distDir: string): Record<string, Uint8Array>
export declare function zipEntries(entries: Record<string, Uint8Array>): Uint8Array
export declare function writePackage(options: { root: string; distDir?: string; out?: string }): {
  path: string
  bytes: number
  files: string[]
}

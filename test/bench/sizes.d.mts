export declare const budgetOverReference: number
export declare const languages: readonly ('en' | 'ru' | 'de')[]
export declare function referenceBytes(outDir: string, base?: string): Promise<number>
export interface AppBytes {
  firstPaint: number
  firstPaintFiles: string[]
  /** The SDK's chunk (frame-client); undefined when the build merged it into another chunk. */
  sdkChunk: string | undefined
  firstPaintHasSdk: boolean
  initial: Record<'en' | 'ru' | 'de', number>
}
export declare function appBytes(distDir?: string): AppBytes

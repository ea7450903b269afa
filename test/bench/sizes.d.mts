export declare const budgetOverReference: number
export declare const languages: readonly ('en' | 'ru' | 'de')[]
export declare function referenceBytes(outDir: string, base?: string): Promise<number>
export interface AppBytes {
  firstPaint: number
  firstPaintFiles: string[]
  firstPaintHasSdk: boolean
  initial: Record<'en' | 'ru' | 'de', number>
}
export declare function appBytes(distDir?: string): AppBytes

import { botListV1, botListV2 } from './bots.ts'
import { commandRegisterV1, commandUnregisterV1, commandUpdateV1 } from './commands-v1.ts'
import { commandListV2, commandRegisterV2, commandUnregisterV2, commandUpdateV2 } from './commands-v2.ts'
import type { MethodDefinition } from './context.ts'

export type { MethodContext, MethodDefinition } from './context.ts'

/** Every method the sandbox emulates, besides `batch` (which the portal runs itself). */
export const METHODS: readonly MethodDefinition[] = [
  botListV2,
  commandListV2,
  commandUnregisterV2,
  commandRegisterV2,
  commandUpdateV2,
  botListV1,
  commandUnregisterV1,
  commandRegisterV1,
  commandUpdateV1,
]

// Bitrix24 method names are case-insensitive.
const BY_NAME = new Map(METHODS.map((method) => [method.name.toLowerCase(), method]))

export function findMethod(name: string): MethodDefinition | undefined {
  return BY_NAME.get(name.toLowerCase())
}

export function isV2Method(name: string): boolean {
  return name.toLowerCase().startsWith('imbot.v2.')
}

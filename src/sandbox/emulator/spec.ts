import commandRegister from '../spec/imbot.command.register.json' with { type: 'json' }
import commandUnregister from '../spec/imbot.command.unregister.json' with { type: 'json' }
import commandUpdate from '../spec/imbot.command.update.json' with { type: 'json' }
import botListV2 from '../spec/imbot.v2.Bot.list.json' with { type: 'json' }
import commandListV2 from '../spec/imbot.v2.Command.list.json' with { type: 'json' }
import commandRegisterV2 from '../spec/imbot.v2.Command.register.json' with { type: 'json' }
import commandUnregisterV2 from '../spec/imbot.v2.Command.unregister.json' with { type: 'json' }

/**
 * Bitrix24's published method schemas (src/sandbox/spec/*.json), typed.
 * They are the one definition of each method's parameters: the validator and the contract tests read them.
 */

export type SchemaType = 'integer' | 'string' | 'boolean' | 'object' | 'array'

export interface SchemaField {
  name: string
  type: SchemaType
  required: boolean
  /** "#/defs/NAME": the fields of an object, or of each item of an array. */
  ref?: string
}

export interface SchemaDef {
  fields: SchemaField[]
}

export interface MethodSchema {
  method: string
  params: SchemaField[]
  defs: Record<string, SchemaDef>
  resultExample: { result: unknown; time: Record<string, unknown> }
}

const TYPES: readonly string[] = ['integer', 'string', 'boolean', 'object', 'array']

function toField(raw: unknown, where: string): SchemaField {
  const value = raw as { name?: unknown; type?: unknown; required?: unknown; ref?: unknown }
  if (typeof value.name !== 'string' || typeof value.type !== 'string' || !TYPES.includes(value.type)) {
    throw new Error(`Unsupported schema field in ${where}`)
  }
  const field: SchemaField = {
    name: value.name,
    type: value.type as SchemaType,
    required: value.required === true,
  }
  if (typeof value.ref === 'string') field.ref = value.ref
  return field
}

/** Narrows a parsed JSON file to MethodSchema, failing loudly if Bitrix24 ever changes the format. */
export function toMethodSchema(raw: unknown): MethodSchema {
  const value = raw as { method?: unknown; params?: unknown; defs?: unknown; resultExample?: unknown }
  if (typeof value.method !== 'string' || !Array.isArray(value.params)) throw new Error('Not a method schema')
  const method = value.method
  const defs: Record<string, SchemaDef> = {}
  for (const [name, def] of Object.entries((value.defs ?? {}) as Record<string, { fields?: unknown }>)) {
    const fields = Array.isArray(def.fields) ? def.fields : []
    defs[name] = { fields: fields.map((field) => toField(field, `${method} defs.${name}`)) }
  }
  return {
    method,
    params: value.params.map((field) => toField(field, method)),
    defs,
    resultExample: value.resultExample as MethodSchema['resultExample'],
  }
}

/** The published schemas, parsed. */
const PUBLISHED: readonly MethodSchema[] = [
  commandRegister,
  commandUnregister,
  commandUpdate,
  botListV2,
  commandListV2,
  commandRegisterV2,
  commandUnregisterV2,
].map(toMethodSchema)

function published(method: string): MethodSchema {
  const schema = PUBLISHED.find((candidate) => candidate.method === method)
  if (!schema) throw new Error(`No published schema for ${method}`)
  return schema
}

/**
 * imbot.v2.Command.update has no published schema. Bitrix24's controller (imbot/lib/V2/Controller/Command.php)
 * takes the fields register takes, each optional, for the command `commandId` of the bot `botId`; it answers as
 * register does. So its schema is register's, derived here (never copied) so that the two cannot drift apart.
 */
function modelUpdateSchema(register: MethodSchema): MethodSchema {
  const param = (name: string) => {
    const field = register.params.find((candidate) => candidate.name === name)
    if (!field) throw new Error(`${register.method} has no ${name}`)
    return field
  }
  const defs = Object.fromEntries(
    Object.entries(register.defs).map(([name, def]) => [
      name,
      { fields: def.fields.map((field) => ({ ...field, required: false })) },
    ]),
  )
  return {
    method: 'imbot.v2.Command.update',
    params: [
      param('botId'),
      param('botToken'),
      { name: 'commandId', type: 'integer', required: true },
      { ...param('fields'), required: false },
    ],
    defs,
    resultExample: JSON.parse(JSON.stringify(register.resultExample)) as MethodSchema['resultExample'],
  }
}

/** Schemas modelled by the sandbox for methods Bitrix24 publishes none for. */
export const MODELLED_SCHEMAS: readonly MethodSchema[] = [
  modelUpdateSchema(published('imbot.v2.Command.register')),
]

export const METHOD_SCHEMAS: ReadonlyMap<string, MethodSchema> = new Map(
  [...PUBLISHED, ...MODELLED_SCHEMAS].map((schema) => [schema.method, schema] as const),
)

export function schemaFor(method: string): MethodSchema {
  const schema = METHOD_SCHEMAS.get(method)
  if (!schema) throw new Error(`No schema for ${method}`)
  return schema
}

/** The fields a `ref` points at ("#/defs/LANGFields" → that def's fields). */
export function resolveRef(schema: MethodSchema, ref: string | undefined): SchemaField[] | undefined {
  if (!ref) return undefined
  const name = ref.replace(/^#\/defs\//, '')
  return schema.defs[name]?.fields
}

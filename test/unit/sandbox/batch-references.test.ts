import { describe, expect, it } from 'vitest'
import { ANSWER_SHAPES, type SandboxSettings } from '../../../src/sandbox/emulator'
import { emptySoFar, substituteStructure } from '../../../src/sandbox/emulator/batch-references'
import { PhpArray, parseStr, toJs } from '../../../src/sandbox/emulator/php-query'
import { type BatchBody, portalFixture } from './portal-fixture'

// batch rewrites its commands' parameters from the answers of the commands before them, as
// rest/classes/general/rest_util.php processBatchStructure / processBatchElement do over the $arResult that
// rest/classes/general/rest_provider.php methodsBatch fills command by command. Each case below is one branch of that code.

const REGISTER = 'imbot.v2.Command.register'
const UPDATE = 'imbot.v2.Command.update'
/** Registers /ref on Helpdesk Bot (id 24: the seed has 23 commands) as the batch's first command `a`. */
const FIRST = `${REGISTER}?botId=1&fields[command]=ref&fields[title][en]=Ref`

/** `fields` of the parameters a command arrived with. */
function fieldsOf(params: Record<string, unknown> | undefined): { title: Record<string, unknown> } {
  return (params?.fields ?? { title: {} }) as { title: Record<string, unknown> }
}

function batchFixture(settings: Partial<SandboxSettings> = {}) {
  const fixture = portalFixture(settings)
  /** Runs one batch; answers its inner result and the parameters each command arrived with, by method call. */
  const batch = (cmd: Record<string, string>) => {
    fixture.portal.clearLog()
    const body = fixture.call('batch', { cmd }).body as BatchBody
    const received = fixture.portal
      .getLog()
      .filter((entry) => entry.inBatch !== undefined)
      .map((entry) => entry.params)
    return { ...body.result, received }
  }
  const titleOf = (id: number) =>
    fixture.portal.getState().commands.find((command) => command.id === id)?.titles
  return { ...fixture, batch, titleOf }
}

describe('batch substitution (rest_util.php processBatchElement)', () => {
  it.each(ANSWER_SHAPES)(
    '$result[key][path] as a whole value takes what the path reaches, here an id (%s)',
    (answerShape) => {
      const { batch, titleOf } = batchFixture({ answerShape })
      const { result_error, received } = batch({
        a: FIRST,
        b: `${UPDATE}?botId=1&commandId=$result[a][command][id]&fields[title][en]=Renamed`,
      })
      expect(result_error).toEqual([])
      expect(received[1]).toMatchObject({ commandId: 24 })
      expect(titleOf(24)).toEqual({ en: 'Renamed' })
    },
  )

  it('inside a longer text a string or number replaces the whole match, up to the next whitespace', () => {
    const { batch, titleOf } = batchFixture()
    batch({
      a: FIRST,
      b: `${UPDATE}?botId=1&commandId=24&fields[title][en]=Id $result[a][command][id] is ($result[a][command][command]).`,
      c: `${UPDATE}?botId=1&commandId=24&fields[title][de]=Zeit:$time[a][duration]s`,
    })
    // "$result[a][command][command])." is one match: the ")." after the path is replaced too.
    expect(titleOf(24)).toEqual({ en: 'Id 24 is (/ref', de: 'Zeit:0' })
  })

  it('$error[key][error] reads a failed command, $time[key] its time; $next and $total are empty maps', () => {
    const { batch } = batchFixture()
    const { received } = batch({
      gone: 'imbot.command.unregister?COMMAND_ID=9999',
      a: FIRST,
      b: `${UPDATE}?botId=1&commandId=24&fields[title][en]=$error[gone][error]&fields[title][de]=$ERROR[gone][error]`,
      c: `${UPDATE}?botId=1&commandId=24&fields[title][en]=$time[a][start]&fields[title][fr]=$next[a]&fields[title][it]=$total[a][b]`,
      d: `${UPDATE}?botId=1&commandId=24&fields[title][en]=see $next[a] and $total[a]`,
    })
    const titles = (index: number) => fieldsOf(received[index]).title
    // Any case is a match, but $arResult has only lower-case keys: $ERROR finds nothing, null.
    expect(titles(2)).toEqual({ en: 'COMMAND_ID_ERROR', de: null })
    expect(titles(3)).toEqual({ en: Date.UTC(2026, 1, 26, 9, 0, 0) / 1000, fr: [], it: [] })
    expect(titles(4)).toEqual({ en: 'see $next[a] and $total[a]' })
  })

  it('follows the path while its keys exist: a missing key leaves what was reached, past a list the list', () => {
    const { batch } = batchFixture()
    const { received } = batch({
      list: 'imbot.v2.Command.list?botId=2',
      a: FIRST,
      b: `${UPDATE}?botId=1&commandId=24&fields[title][en]=$result[a][command][nope][id]&fields[title][de]=$result[list][commands][99][id]`,
      c: `${UPDATE}?botId=1&commandId=24&fields[title][en]=see $result[list][commands][99][id]&fields[title][de]=$result[list][commands][6][command][1]`,
    })
    const titles = (index: number) => fieldsOf(received[index]).title
    const b = titles(2)
    expect(b.en).toEqual({
      id: 24,
      botId: 1,
      command: '/ref',
      common: false,
      hidden: false,
      extranetSupport: false,
    })
    // Sales Assistant's list: six built-ins and its three commands; index 99 is past its end.
    expect(b.de).toHaveLength(9)
    // An array inside a text leaves the reference as written; a string's [1] is its second byte.
    expect(titles(3)).toEqual({ en: 'see $result[list][commands][99][id]', de: 'l' })
  })

  it('sees only earlier commands: a later one is not there yet; a missing key takes the whole map of results', () => {
    const { batch } = batchFixture()
    const { received } = batch({
      x: 'imbot.bot.list',
      a: `${REGISTER}?botId=1&fields[command]=early&fields[title][en]=Sees $result[b][command][id]&fields[title][de]=$result[b]`,
      b: FIRST,
    })
    const titles = fieldsOf(received[1]).title
    expect(titles.en).toBe('Sees $result[b][command][id]')
    // $arResult['result'] holds only x's answer when a runs.
    expect(Object.keys(titles.de as object)).toEqual(['x'])
  })

  it('leaves a reference without a [key], and one in an unknown name, as written; the name needs no end', () => {
    const { batch, titleOf } = batchFixture()
    const { received } = batch({
      a: FIRST,
      b: `${UPDATE}?botId=1&commandId=24&fields[title][en]=$result&fields[title][fr]=$foo[a]&fields[title][de]=$results[a][command][id]`,
    })
    // "$results[a]…" is "$result" followed by "s[a]…": the name matches, and the path is read from the rest.
    expect(fieldsOf(received[1]).title).toEqual({ en: '$result', fr: '$foo[a]', de: 24 })
    expect(titleOf(24)).toEqual({ en: '$result', fr: '$foo[a]', de: '24' })
  })

  it('a whole reference that finds nothing is null: the parameter is as good as missing', () => {
    const { batch } = batchFixture()
    const { result_error } = batch({
      a: FIRST,
      b: `${UPDATE}?botId=1&commandId=$RESULT[a][command][id]&fields[common]=Y`,
    })
    expect((result_error as Record<string, { error: string; error_description: string }>).b).toMatchObject({
      error: 'INVALID_ARG_VALUE',
    })
  })

  it('a language sent empty (a query string has no null) arrives as "" and is stored as an empty title', () => {
    const { batch, titleOf } = batchFixture()
    batch({ a: FIRST, b: `${UPDATE}?botId=1&commandId=24&fields[title][de]=` })
    expect(titleOf(24)).toEqual({ en: 'Ref', de: '' })
  })

  it('is off with batchSubstitution: false, the values arriving as written', () => {
    const { batch, titleOf } = batchFixture({ batchSubstitution: false })
    batch({ a: FIRST, b: `${UPDATE}?botId=1&commandId=24&fields[title][en]=$result[a][command][id]` })
    expect(titleOf(24)).toEqual({ en: '$result[a][command][id]' })
  })

  it('goes through keys with an empty name list: a key that is a whole $…[…] becomes "", any other stays', () => {
    // parse_str cannot make a key holding a whole "[…]", so this is processBatchStructure called directly.
    const params = new PhpArray()
    params.set('$anything[x]', 'whole')
    params.set('a$result[x]', 'inside')
    const fields = new PhpArray()
    fields.set('$x[y]', 'nested')
    params.set('fields', fields)
    const soFar = { ...emptySoFar(), result: { x: 'found' } }
    expect(toJs(substituteStructure(params, soFar))).toEqual({
      '': 'whole',
      'a$result[x]': 'inside',
      fields: { '': 'nested' },
    })
    // Through a query string the key is cut at the first "]": "$result[a" stays.
    expect(toJs(parseStr('fields[$result[a]]=1'))).toEqual({ fields: { '$result[a': '1' } })
  })
})

describe('parse_str (main/php_variables.c), as batch reads each command', () => {
  it.each([
    ['a=1&b[c]=2&b[d][]=3&b[d][]=4', { a: '1', b: { c: '2', d: ['3', '4'] } }],
    // An index is a key, not a position: no list is made of [1] alone.
    ['a[1]=x', { a: { 1: 'x' } }],
    ['a[]=1&a[5]=2&a[]=3', { a: { 0: '1', 5: '2', 6: '3' } }],
    // "." and " " in a base name are "_"; a leading space goes; a "[" without "]" is "_" in the base name...
    ['a.b=1&+c d=2&e[f=3', { a_b: '1', c_d: '2', e_f: '3' }],
    // ...and after an index the rest is dropped, as is anything after a "]" not followed by "[".
    ['a[b][c=1&d[e]f=2', { a: { b: '1' }, d: { e: '2' } }],
    ['x=a+b%20c%zz%D0%BF', { x: 'a b c%zzп' }],
    ['&&a&=x&b=1&', { a: '', b: '1' }],
    // A later value wins; a value that is no array is replaced by one.
    ['a=1&a=2&b=1&b[]=2&c[]=1&c=2', { a: '2', b: ['2'], c: '2' }],
  ])('%s', (query, expected) => {
    expect(toJs(parseStr(query))).toEqual(expected)
  })

  it('drops a name nested deeper than max_input_nesting_level (64)', () => {
    expect(toJs(parseStr(`a${'[x]'.repeat(64)}=1&b${'[x]'.repeat(65)}=2`))).toMatchObject({ a: {} })
    expect(toJs(parseStr(`b${'[x]'.repeat(65)}=2`))).toEqual([])
  })
})

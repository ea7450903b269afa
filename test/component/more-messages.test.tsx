import { render, screen } from '@testing-library/react'
import { describe, expect, expectTypeOf, it, vi } from 'vitest'
import type { CoreMessageKey } from '../../src/i18n'
import {
  I18nProvider,
  type MoreI18n,
  MoreMessages,
  type Translate,
  type useI18n,
  useMoreI18n,
  useMoreMessages,
} from '../../src/i18n'

// The dictionary's split as a type (issue 21): the `t` that renders at first paint takes the core's keys only; a key
// of the rest comes through a hook that says it may not be here yet, or under MoreMessages, which waits for it.
// The type checks fail `tsc` (part of npm test); the rest asserts what the user sees. Each test has a language of
// its own: a part once loaded stays loaded for the file.

describe('the dictionary split as a type', () => {
  it('gives first paint a t for core keys only, and the rest as maybe not here yet', () => {
    expectTypeOf<Parameters<ReturnType<typeof useI18n>['t']>[0]>().toEqualTypeOf<CoreMessageKey>()
    expectTypeOf(useMoreMessages).returns.toEqualTypeOf<Translate | null>()
    expectTypeOf(useMoreI18n).returns.toEqualTypeOf<MoreI18n>()
    expectTypeOf<MoreI18n['t']>().toEqualTypeOf<Translate>()
  })

  it('useMoreMessages has nothing until the rest of the dictionary is here, then its words', async () => {
    function StopWaiting() {
      const t = useMoreMessages()
      return <p>{t ? t('waiting.stop') : 'not yet'}</p>
    }
    render(
      <I18nProvider language="de">
        <StopWaiting />
      </I18nProvider>,
    )
    expect(screen.getByText('not yet')).toBeTruthy()
    expect(await screen.findByText('Nicht mehr warten')).toBeTruthy()
    expect(screen.queryByText('not yet')).toBeNull()
  })

  it('under MoreMessages, useMoreI18n gives the language and a t for every key', async () => {
    function StopWaiting() {
      const { t, language } = useMoreI18n()
      return (
        <button type="button" lang={language}>
          {t('waiting.stop')}
        </button>
      )
    }
    render(
      <I18nProvider language="ru">
        <MoreMessages>
          <StopWaiting />
        </MoreMessages>
      </I18nProvider>,
    )
    const button = await screen.findByRole('button', { name: 'Не ждать' })
    expect(button.getAttribute('lang')).toBe('ru')
  })

  it('useMoreI18n outside MoreMessages fails at once instead of showing a key', () => {
    function Outside() {
      const { t } = useMoreI18n()
      return <p>{t('waiting.stop')}</p>
    }
    // React reports the thrown error on the console as well; the test asserts the throw.
    const report = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      expect(() =>
        render(
          <I18nProvider language="en">
            <Outside />
          </I18nProvider>,
        ),
      ).toThrow(TypeError)
    } finally {
      report.mockRestore()
    }
    expect(screen.queryByText('waiting.stop')).toBeNull()
  })
})

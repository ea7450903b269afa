import { describe, expect, it } from 'vitest'
import {
  listedTrigger,
  sentOfListed,
  sentTrigger,
  storedOfListed,
  storedTrigger,
} from '../../../src/imbot/on-demand/command-rules'

// A trigger as stored, as listed ("/" + stored: imbot/lib/V2/Controller/Command.php) and as sent (the controller
// strips one leading slash and Im\Command another: im/lib/command.php). What is sent comes back stored as meant.
const stored = ['help', '/x', '//y', 'a/b', ' help', 'FAQ']

describe('the forms of a trigger', () => {
  it('lists "/" + stored, nothing trimmed, and reads the stored one back', () => {
    expect(stored.map(listedTrigger)).toEqual(['/help', '//x', '///y', '/a/b', '/ help', '/FAQ'])
    for (const trigger of stored) expect(storedOfListed(listedTrigger(trigger))).toBe(trigger)
  })

  it('sends what the portal strips back to the stored trigger, from the stored one and from the listed one', () => {
    for (const trigger of stored) {
      expect(storedTrigger(sentTrigger(trigger))).toBe(trigger)
      expect(storedTrigger(sentOfListed(listedTrigger(trigger)))).toBe(trigger)
    }
    // Sent as short as can be: a trigger without a leading slash goes as it is.
    expect(sentTrigger('help')).toBe('help')
    expect(sentOfListed('/help')).toBe('//help')
  })
})

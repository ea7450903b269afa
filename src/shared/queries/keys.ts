/** Query and mutation keys of the feature, in one place (the "query key factory" pattern). */
export const commandKeys = {
  all: ['imbot'] as const,
  bots: () => [...commandKeys.all, 'bots'] as const,
  lists: () => [...commandKeys.all, 'commands'] as const,
  list: (botId: number) => [...commandKeys.lists(), botId] as const,
  removals: () => [...commandKeys.all, 'remove'] as const,
  edits: () => [...commandKeys.all, 'edit'] as const,
  restores: () => [...commandKeys.all, 'restore'] as const,
}

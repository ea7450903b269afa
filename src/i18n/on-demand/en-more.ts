import type { Dictionary } from '../types'

/** The source dictionary, part two: errors, the rarer pages and summaries (a chunk of its own). */
export const enMore = {
  'action.reload': 'Reload the app',
  'action.refresh': 'Refresh the list',
  'action.dismiss': 'Dismiss',
  'action.cancel': 'Cancel',
  'page.readOnly':
    "You can view the commands. Changing and removing them is left to portal administrators: that is this app's own rule, not a Bitrix24 restriction (Bitrix24 checks only which application owns a bot).",
  'bot.showAll': { one: 'Show the {count} command', other: 'Show all {count} commands' },
  'outside.title': 'Bot Commands is a Bitrix24 app',
  'outside.body':
    'It lists the slash commands of your application’s chat bots and removes the ones you no longer need. It runs inside Bitrix24, as an application page.',
  'outside.install.title': 'Use it on your Bitrix24',
  'outside.install.steps':
    'Upload bot-commands.zip (npm run package) as a static local application with the “Chat bots (imbot)” permission, or host the built app over HTTPS and enter its address as the handler and installation paths; then open the application from its menu item in Bitrix24.',
  'outside.sandbox.title': 'Try it without a portal',
  'outside.sandbox.body':
    'Run “npm ci && npm start” in the project and open the sandbox portal address it prints: a local Bitrix24 look-alike with the app inside.',

  'handshake.title': 'Bitrix24 did not answer',
  'handshake.body':
    'The Bitrix24 page around this app did not answer within {seconds} seconds. Reload the app; if it keeps happening, open it again from the Bitrix24 menu.',
  'handshake.failed.title': 'The app could not connect to Bitrix24',
  'handshake.failed.body': 'Reload the app; if it keeps happening, open it again from the Bitrix24 menu.',

  'error.details': 'Details',
  'error.code': 'Code',
  'error.status': 'HTTP status',
  'error.method': 'Method',
  'error.description': 'Bitrix24 said',
  'error.appDescription': 'Message from the app',
  'error.answerType': 'Content type of the answer',
  'error.retryAt': 'You can try again after {time}.',

  'error.COMMAND_ID_ERROR':
    'Bitrix24 could not find this command, but it is still listed. Refresh the list and try again.',
  'error.COMMAND_NOT_FOUND':
    'Bitrix24 reports that this bot has no such command, but it is still listed. Refresh the list and try again.',
  'error.COMMAND_NOT_FOUND.owner':
    'This command belongs to another application or another bot, so Bitrix24 does not let this app change it. It can only be managed from the application that registered it.',
  'error.APP_ID_ERROR':
    'This command was registered by another application. It can only be removed from that application.',
  'error.BOT_OWNERSHIP_ERROR':
    'This bot belongs to another application. Its commands can only be managed from that application.',
  'error.BOT_NOT_FOUND': 'This bot no longer exists in Bitrix24. Refresh the list.',
  'error.BOT_ID_REQUIRED':
    'Bitrix24 expected a bot id that the app did not send. Reload the app and try again.',
  'error.BOT_TOKEN_NOT_SPECIFIED':
    'Bitrix24 asked for a bot token, which only webhook connections use. Reload the app and try again.',
  'error.WRONG_AUTH_TYPE': 'Bitrix24 refused this way of signing in for the method. Reload the app.',
  'error.WRONG_REQUEST':
    'Bitrix24 could not delete this command. Try again; if it keeps failing, contact Bitrix24 support.',
  'error.QUERY_LIMIT_EXCEEDED':
    'Bitrix24 asked the app to slow down and is still busy. Wait a minute, then try again.',
  'error.OPERATION_TIME_LIMIT': 'Bitrix24 has paused this action for the app for a few minutes.',
  'error.expired_token':
    'Your Bitrix24 session expired and could not be renewed. Reload the app to continue.',
  'error.invalid_token': 'Bitrix24 no longer accepts the app’s session. Reload the app to continue.',
  'error.NO_AUTH_FOUND':
    'Bitrix24 did not recognise the app’s session. Reload the app; if it keeps happening, reinstall the app.',
  'error.insufficient_scope':
    'The app lacks the “Chat bots (imbot)” permission. A Bitrix24 administrator must add it in the application’s settings.',
  'error.INVALID_CREDENTIALS':
    'Your Bitrix24 account lacks the permission for this action. Ask a Bitrix24 administrator.',
  'error.user_access_error':
    'The administrator allowed this app only for certain users. Ask a Bitrix24 administrator for access.',
  'error.ACCESS_DENIED':
    'Bitrix24 denied the app access to this action. A Bitrix24 administrator can check the app’s access; Bitrix24’s reason is under “Details”.',
  'error.ACCESS_DENIED.plan':
    'The Bitrix24 REST API is available only on commercial plans. The portal’s plan must be upgraded.',
  'error.ACCESS_DENIED.subscription':
    'Bitrix24 accepts calls through this webhook only with an active Bitrix24 Market subscription (or within the number of webhooks the plan allows). A portal administrator must renew the subscription or change the plan.',
  'error.ACCESS_DENIED.user':
    'Bitrix24 cannot sign your account in for apps: it has not been confirmed yet, or has never been used to sign in to the portal. Sign in to Bitrix24 once, then reload the app.',
  'error.APPLICATION_NOT_FOUND':
    'Bitrix24 no longer knows this app: it was removed or switched off on the portal. A portal administrator must install it again.',
  'error.authorization_error':
    'Bitrix24 could not sign you in for the app, perhaps because another Bitrix24 user is signed in in this browser. Reload the app; if it keeps happening, sign out of Bitrix24 and sign in again.',
  'error.CONNECTION_ERROR':
    'Bitrix24 could not reach its authorization server to check the app’s session. Nothing was changed; try again in a moment.',
  'error.WRONG_LICENSE':
    'The portal’s Bitrix24 plan does not include what this action needs. A portal administrator must change the plan.',
  'error.ERROR_CORE':
    'Bitrix24 hit an internal error while doing this. Try again in a moment; if it keeps failing, contact Bitrix24 support.',
  'error.ERROR_ARGUMENT':
    'Bitrix24 did not accept a value the app sent. Reload the app and try again; Bitrix24’s words under “Details” say which value.',
  'error.INTERNAL_SERVER_ERROR': 'Bitrix24 had an internal error. Try again in a moment.',
  'error.ERROR_UNEXPECTED_ANSWER': 'Bitrix24 returned an unexpected answer. Try again in a moment.',
  'error.OVERLOAD_LIMIT':
    'Bitrix24 has blocked its REST API for this portal because of overload. Only Bitrix24 support can lift the block.',
  'error.PORTAL_DELETED':
    'The portal’s public part is closed, so Bitrix24 refuses REST calls. A portal administrator must reopen it.',
  'error.INVALID_REQUEST':
    'Bitrix24 requires a secure (HTTPS) connection. Open the portal over https and try again.',
  'error.ERROR_BATCH_METHOD_NOT_ALLOWED':
    'Bitrix24 refused to run this action together with others. Remove the commands one by one.',
  'error.ERROR_BATCH_LENGTH_EXCEEDED':
    'The request was too large for Bitrix24. Select fewer commands and try again.',
  'error.ERROR_MANIFEST_IS_NOT_AVAILABLE':
    'Bitrix24 could not load the application’s manifest. Try again later or contact Bitrix24 support.',
  'error.ERROR_METHOD_NOT_FOUND':
    'This Bitrix24 is too old to list bot commands. You can still remove a command by its id.',
  'error.NETWORK_ERROR': 'The connection to Bitrix24 failed. Check the connection and try again.',
  'error.REQUEST_TIMEOUT': 'Bitrix24 did not answer in time. Try again.',
  'error.MALFORMED_ANSWER':
    'Bitrix24 sent an answer the app could not read. Try again; nothing was changed by the app.',
  'error.HANDSHAKE_TIMEOUT': 'The Bitrix24 page did not answer the app. Reload the app.',
  'error.HANDSHAKE_FAILED': 'The app could not connect to the Bitrix24 page. Reload the app.',
  'error.OUTSIDE_BITRIX24': 'The app is not running inside Bitrix24.',
  'error.unknown': 'Bitrix24 refused the request. Try again; the code is under “Details”.',
  'error.NOT_BITRIX24_ANSWER':
    'This address does not answer as Bitrix24: a web page or other data came back instead of Bitrix24’s answer. The portal may be under maintenance or asking to sign in; try again in a moment.',
  'error.UNKNOWN_ERROR':
    'Something went wrong inside the app while it talked to Bitrix24. Try again; if it keeps happening, reload the app.',

  'legacy.title': 'Remove a command by its id',
  'legacy.body':
    'This Bitrix24 cannot list bot commands (it predates imbot.v2). If you know a command’s numeric id, you can still remove it.',
  'legacy.label': 'Command id',
  'legacy.hint': 'A whole number, for example 42.',
  'legacy.invalid': 'Enter a whole number greater than zero.',
  'legacy.submit': 'Remove command',
  'legacy.removed': 'Command {id} was removed.',
  'legacy.alreadyGone': 'Bitrix24 has no command {id}: it was already removed, or the id is wrong.',
  'legacy.command': 'command {id}',

  'bulk.summary.title': 'Removal finished',
  'bulk.summary.removed': { one: '{count} removed', other: '{count} removed' },
  'bulk.summary.notSent': {
    one: '{count} was not sent: an earlier request failed',
    other: '{count} were not sent: an earlier request failed',
  },
  'bulk.summary.retry': { one: 'Retry the failed one', other: 'Retry the {count} failed ones' },
  'row.notSent': 'Not sent to Bitrix24: an earlier request of this removal failed.',
  'bulk.summary.failed': { one: '{count} failed', other: '{count} failed' },
  'bulk.summary.reason': '{reason} ({count})',
  'bulk.summary.failedHint': 'The commands that failed stay selected, each with its reason.',

  'export.done': { one: '{count} command exported.', other: '{count} commands exported.' },

  'dialog.title': 'Remove {command}?',
  'dialog.body':
    'Users will no longer be able to call {command} in chats. Only the application that registered it can register it again.',
  'dialog.confirm': 'Remove',
  'dialog.bulk.title': { one: 'Remove {count} command?', other: 'Remove {count} commands?' },
  'dialog.bulk.body':
    'Users will no longer be able to call them in chats. Only the application that registered them can register them again.',

  'error.unknownDescribed':
    'Bitrix24 refused the request and said: “{description}”. Try again; if it keeps failing, contact Bitrix24 support.',
  'bot.unreadable': {
    one: '{count} entry of this bot’s list could not be shown: Bitrix24 sent it in a form the app cannot read. The other commands are listed.',
    other:
      '{count} entries of this bot’s list could not be shown: Bitrix24 sent them in a form the app cannot read. The other commands are listed.',
  },
  'page.unreadableBots': {
    one: '{count} bot could not be shown: Bitrix24 sent it in a form the app cannot read. The other bots are listed.',
    other:
      '{count} bots could not be shown: Bitrix24 sent them in a form the app cannot read. The other bots are listed.',
  },
  'page.truncated':
    'Bitrix24 kept offering more pages of bots, so the app stopped after {count} bots. Reload to read the list again.',

  'row.removing': 'Removing…',
  'row.waiting': 'Bitrix24 asked to slow down. Retrying…',
  'row.pendingUndo': 'Removing in a moment…',
  'toast.removed': '{command} was removed.',
  'toast.undone': 'Nothing was removed.',
  'toast.scheduled': { one: '{count} command will be removed.', other: '{count} commands will be removed.' },
  'toast.undo': 'Undo',
  'bulk.progress': 'Removing {done} of {total}…',
  'toast.tooLate': 'Too late to undo: the removal was already sent to Bitrix24.',
  'row.stillRemoving': 'Still being removed: the list will show how it ends.',
  'waiting.still': 'Bitrix24 has not answered yet; the app is still waiting.',
  'waiting.listNote': 'You can stop waiting and try again later.',
  'waiting.removalNote':
    'If you stop waiting, the app reads the list again: a command that was removed leaves it.',
  'waiting.stop': 'Stop waiting',
  'waiting.stopped': 'You stopped waiting for Bitrix24.',
  'waiting.stoppedRemoval':
    'You stopped waiting for Bitrix24. The list is read again: if this command was removed, it leaves the list.',

  'page.noBots.title': 'This application has no chat bots',
  'page.noBots.body': 'When the application registers a bot, the bot and its commands appear here.',
  'page.loadFailed': 'The bots could not be loaded.',
  'bot.empty': 'This bot has no commands.',
  'bot.noMatches': 'No command of this bot matches “{query}”.',
  'bot.loadFailed': 'The commands of this bot could not be loaded.',
  'error.CLIENT_ID_NOT_SPECIFIED':
    'Bitrix24 asked for the bot token (CLIENT_ID), which only webhook connections use. Reload the app and try again.',
  'error.webhook.NO_AUTH_FOUND':
    'Bitrix24 does not accept this webhook: the address is wrong, or the webhook was deleted or switched off. Check it in Bitrix24 (Developer resources → Inbound webhook) and connect again.',
  'error.webhook.NOT_BITRIX24_ANSWER':
    'This address does not answer as Bitrix24: a web page or other data came back instead of Bitrix24’s answer. Check that you pasted the whole inbound webhook URL of your Bitrix24, then connect again.',
  'error.webhook.expired':
    'This webhook has expired. Create a new inbound webhook in Bitrix24 and connect with it.',
  'error.webhook.insufficient_scope':
    'This webhook lacks the “Chat bots (imbot)” permission. Add it to the webhook in Bitrix24, then connect again.',
  'error.webhook.tokenMissing':
    'Bitrix24 needs the bot token your integration registered its bots with. Connect again and enter it.',
  'error.webhook.foreign':
    'This bot was registered by an application, not with this bot token. Manage it from that application inside Bitrix24.',
  'error.webhook.unreachable':
    'The app could not reach the portal. Check the webhook address, that the portal is online, and that it accepts requests from this page.',
  'webhook.title': 'Connect with a webhook',
  'webhook.body':
    'For bots registered through an inbound webhook: paste the webhook’s address and the bot token your integration registered its bots with. Both stay in this tab only, for this visit: never saved, never shown.',
  'webhook.url': 'Inbound webhook URL',
  'webhook.urlHint': 'https://your-portal.bitrix24.com/rest/1/abc123…/',
  'webhook.token': 'Bot token (CLIENT_ID)',
  'webhook.connect': 'Connect',
  'webhook.connecting': 'Connecting…',
  'webhook.problem.empty': 'Paste the inbound webhook URL.',
  'webhook.problem.not-a-url':
    'This is not a web address. Paste the whole webhook URL, starting with https://.',
  'webhook.problem.not-https':
    'The webhook URL must start with https:// (plain http works only for this computer’s own addresses).',
  'webhook.problem.not-a-webhook':
    'This is not an inbound webhook URL: it should look like https://{portal}/rest/{user id}/{secret}/.',
  'webhook.problem.user-id': 'The part after /rest/ must be the user’s number, as in /rest/1/{secret}/.',
  'webhook.problem.secret-short':
    'The secret in this URL (the part after the user’s number) is shorter than 8 characters. Bitrix24 makes secrets of 16: copy the whole URL from Bitrix24 again (Developer resources → Inbound webhook).',
  'webhook.problem.token-empty': 'Enter the bot token your integration registered its bots with.',
  'webhook.problem.token-short':
    'This bot token is shorter than 8 characters: the app could not hide it in Bitrix24’s messages without hiding ordinary words too, so it does not connect with it.',
  'webhook.problem.token-long': 'This bot token is longer than 40 characters, the most Bitrix24 takes.',
  'webhook.waitingNote': 'If you stop waiting, you are back at the form and nothing of this webhook is kept.',
  'webhook.stopped':
    'You stopped waiting for Bitrix24. Nothing of the webhook was kept: paste the URL and the bot token again to connect.',
  'webhook.connected': 'Connected to {portal} with a webhook.',
  'webhook.disconnect': 'Disconnect',
  'webhook.noBots.title': 'This bot token owns no bots',
  'webhook.noBots.body':
    'Through this webhook, Bitrix24 lists only the bots registered with the same bot token. Check the token your integration used when it registered its bots.',
  'edit.title': 'Edit {command}',
  'edit.save': 'Save',
  'edit.command': 'Command',
  'edit.titleField': 'Title',
  'edit.params': 'Parameters',
  'edit.inLanguage': 'Language: {language}',
  'edit.addLanguage': 'Add another language',
  'edit.problem.empty': 'Enter the command, for example support.',
  'edit.problem.spaces':
    'A command cannot contain a space: in chat a space ends the command. Use, for example, support_ticket.',
  'edit.problem.taken': '{command} is already a command of this bot.',
  'edit.failedLead': 'The change was not saved, and the row shows the command as it was.',
  'edit.unavailable': 'Editing commands needs imbot.v2, which this Bitrix24 does not have.',

  'bulk.selected': { one: '{count} selected', other: '{count} selected' },
  'bulk.clear': 'Clear selection',
  'bulk.remove': 'Remove selected',
  'export.selected': 'Export selected',
  'restore.open': 'Restore from file',
  'restore.title': 'Restore commands from a file',
  'restore.intro':
    'Open a file made by “Export JSON”. Nothing is sent until you have seen, per bot, what the file would bring back and confirmed it.',
  'restore.choose': 'Choose an exported file',
  'restore.dropHint': 'or drop it here.',
  'restore.nothingToRestore':
    'Nothing to restore here: each command of the file is here as the file has it, or cannot be restored (the reason is on its line).',
  'restore.reading': 'Reading the bots’ commands as they are now…',
  'restore.nothingSent': 'Nothing was sent.',
  'restore.problem.tooBig': 'This file is larger than {limit}, too large to be an export of this app.',
  'restore.problem.empty': 'This file is empty.',
  'restore.problem.notJson': 'This file is not JSON. Choose the .json file that “Export JSON” saved.',
  'restore.problem.notExport':
    'This JSON file is not an export of Bot Commands. Choose a file that “Export JSON” saved.',
  'restore.problem.newer':
    'This file was made by a newer version of the app (format {version}). Update the app, then open it again.',
  'restore.problem.header':
    'This file looks edited by hand: its “{field}” is missing or wrong. Export again, or fix it.',
  'restore.problem.field':
    'This file looks edited by hand: command number {entry} has a missing or wrong “{field}”. Export again, or fix it.',
  'restore.problem.noCommands': 'This export holds no commands, so there is nothing to restore.',
  'restore.fileFrom': 'Exported from {portal} on {date}.',
  'restore.otherPortal':
    'This file comes from another portal ({portal}): its bots are matched here by their code.',
  'restore.counts':
    'Gone: {gone} · differ: {differs} · unchanged: {unchanged} · cannot be restored: {blocked}',
  'restore.state.gone': 'gone: can be restored',
  'restore.state.differs': 'exists, but differs: can be updated to the file’s',
  'restore.state.unchanged': 'unchanged',
  'restore.blocked.botMissing':
    'cannot be restored: the bot {bot} is not among the bots here. It was deleted, or it belongs to another application or webhook token.',
  'restore.blocked.listUnreadable':
    'cannot be restored now: the commands of {bot} could not be read. Try again later.',
  'restore.blocked.titleMissing':
    'cannot be restored: Bitrix24 needs a title for a visible command, and the file has none.',
  'restore.blocked.duplicate':
    'cannot be restored: the file has this command of {bot} twice; the first one counts.',
  'restore.field.title': 'Title',
  'restore.field.params': 'Parameters',
  'restore.yes': 'yes',
  'restore.no': 'no',
  'restore.diff': 'now “{now}”, in the file “{file}”',
  'restore.confirm': { one: 'Restore {count} command', other: 'Restore {count} commands' },
  'restore.progress': 'Restoring {done} of {total}…',
  'restore.close': 'Close',
  'restore.summary.title': 'Restore finished',
  'restore.summary.restored': { one: '{count} restored', other: '{count} restored' },
  'restore.summary.updated': { one: '{count} updated', other: '{count} updated' },
  'restore.summary.failed': { one: '{count} not restored', other: '{count} not restored' },
  'restore.outcome.restored': 'restored',
  'restore.outcome.updated': 'updated to the file’s',
  'restore.outcome.already': 'already there as in the file: nothing sent',
  'restore.outcome.failed': 'not restored',
  'restore.outcome.notSent': 'not sent: an earlier request failed',
  'restore.blocked.tooLong':
    'cannot be restored: {what}. Bitrix24 keeps at most 255 characters (in a title or parameters an emoji counts as 10) and does not save a longer text: shorten it in the file.',
  'restore.tooLong.command': {
    one: 'the command is {count} character too long',
    other: 'the command is {count} characters too long',
  },
  'restore.tooLong.title': {
    one: 'the title is {count} character too long',
    other: 'the title is {count} characters too long',
  },
  'restore.tooLong.params': {
    one: 'the parameters are {count} character too long',
    other: 'the parameters are {count} characters too long',
  },
  'restore.blocked.language':
    'cannot be restored: its title is under the language {language}, which Bitrix24 does not have, so no one would see it.',
  'restore.state.unchangedFlags': 'flags as in the file; titles not compared',
  'restore.language.notCompared':
    'The file’s titles and parameters are in {file}, but Bitrix24 lists this portal’s commands in {list}, and an app cannot read them in another language. So titles and parameters are not compared: commands that are here keep theirs, and only their flags are compared and updated. Gone commands are registered with the file’s titles in {file}.',
  'restore.language.bringsBack':
    'Gone commands come back with their titles and parameters in {language}: titles in other languages were not in the export and will not come back.',
  'restore.language.only':
    'comes back with its title in {language} only: other languages were not in the export.',
  'restore.warning.space':
    'In chat a command ends at its first space: Bitrix24 keeps {command}, but no one can call it.',
  'restore.unknown.legend': '{flag}: not in the file. Choose:',
  'restore.unknown.intro': {
    one: 'The file does not say “{flag}” for {count} command (Bitrix24’s list of commands does not show it). Choose below, or for all of them at once:',
    other:
      'The file does not say “{flag}” for {count} commands (Bitrix24’s list of commands does not show it). Choose below for each, or for all of them at once:',
  },
  'restore.unknown.allYes': '{flag}: yes for all',
  'restore.unknown.allNo': '{flag}: no for all',
  'restore.unknown.pending': {
    one: 'First choose the flags the file does not know for {count} picked command.',
    other: 'First choose the flags the file does not know for {count} picked commands.',
  },
  'restore.waiting': 'Bitrix24 asked to slow down: the app waits a moment, then sends the rest again.',
  'restore.summary.already': {
    one: '{count} already as in the file (nothing sent)',
    other: '{count} already as in the file (nothing sent)',
  },
  'restore.summary.notSaved': {
    one: '{count} not saved by Bitrix24',
    other: '{count} not saved by Bitrix24',
  },
  'restore.outcome.vanished':
    'no longer here (removed meanwhile): nothing sent. Open the file again to restore it.',
  'restore.notSaved.existing':
    'not restored: Bitrix24 answered with {command}, a command that was already there (perhaps another application’s), and left it as it was.',
  'restore.notSaved.unlisted':
    'not restored: Bitrix24 answered that it was saved, but the bot does not list it.',
  'restore.notSaved.fields': 'Bitrix24 answered without an error but did not save: {fields}.',
  'restore.sent.title': 'title in {language}',
  'restore.sent.titleAndHint': 'title and parameters in {language}',
  'restore.sent.flags': 'set {flags}',
  'restore.sent.chosen': '(your choice)',
  'restore.preview.heading': 'The file compared with the bots here now',
  'restore.checking': 'Checking what Bitrix24 saved: reading the bots’ commands again…',
  'restore.stopping':
    'Stopping: nothing more is sent. The app takes the answer to the request already on its way, then reads the lists again to say what was restored.',
  'restore.waitingNote.reading': 'If you stop waiting, nothing is sent.',
  'restore.waitingNote.sending':
    'If you stop waiting, nothing more is sent: the app takes the answer to the request on its way, reads the lists again and says what was restored and what was not sent.',
  'restore.waitingNote.checking':
    'If you stop waiting, the summary gives Bitrix24’s answers without checking them against the lists.',
  'restore.elapsed': '{time} elapsed',
  'restore.timeLeft': 'about {time} left',
  'restore.outcome.stopped': 'not sent: you stopped the restore first',
  'restore.summary.notSent': { one: '{count} not sent', other: '{count} not sent' },
  'restore.summary.stoppedTitle': 'Restore stopped',
  'restore.summary.sendRest': { one: 'Restore the one not sent', other: 'Restore the {count} not sent' },
  'edit.problem.hintWithoutTitle':
    'Add a title in {language} too: Bitrix24 keeps a hint only with its title.',
  'edit.problem.titleRequired':
    'A command that is not hidden needs a title in {language}: without one, Bitrix24 would refuse to register it again, so it could not be restored from an export. Enter a title, or mark the command “Hidden”.',
  'edit.problem.tooLong': {
    one: 'Too long by {count} character: Bitrix24 keeps at most 255 (an emoji counts as 10) and would not save it.',
    other:
      'Too long by {count} characters: Bitrix24 keeps at most 255 (an emoji counts as 10) and would not save it.',
  },
  'edit.problem.triggerTooLong': {
    one: 'Too long by {count} character: Bitrix24 keeps a command of at most 255 characters and would keep the old one.',
    other:
      'Too long by {count} characters: Bitrix24 keeps a command of at most 255 characters and would keep the old one.',
  },
  'edit.problem.language': 'Bitrix24 has no language “{language}”. Choose one from the list.',
  'edit.note.slashes': 'Bitrix24 removes two leading slashes: this command will be saved as {command}.',
  'edit.languageNote':
    'Title and parameters in {language}, the language this portal lists commands in. Titles in other languages stay as they are.',
  'edit.otherLanguages':
    'Bitrix24 keeps a command’s titles in other languages. What you enter for a language added here replaces its title or parameters there; a field left empty keeps what is there.',
  'edit.saving': 'Saving…',
  'edit.unsavedLead': 'Bitrix24 answered without an error, yet did not save all of the change to {command}.',
  'edit.unsaved.command': 'Bitrix24 did not save the new command: it is still {command}.',
  'edit.unsaved.title': 'Bitrix24 did not save the title in {language}.',
  'edit.unsaved.params': 'Bitrix24 did not save the parameters in {language}.',
  'edit.unsaved.flag': 'Bitrix24 did not save “{flag}”.',
  'edit.editAgain': 'Edit again',
  'edit.gone':
    'The change to {command} was not saved: the command is no longer there. It was removed elsewhere, for example in another tab.',
  'error.COMMAND_ALREADY_EXISTS': 'This bot already has a command with that name. Choose another name.',
  'error.COMMAND_NAME_EMPTY': 'Bitrix24 needs a command name. Enter one, without spaces.',
  'error.COMMAND_REQUIRED': 'Bitrix24 received no command name. Enter one and save again.',
  'error.COMMAND_NAME_INVALID':
    'Bitrix24 did not receive the command as text. Reload the app and save again.',
  'error.COMMAND_TITLE_REQUIRED': 'Bitrix24 needs a title for a command that is not hidden. Enter a title.',
  'error.COMMAND_TITLE_INVALID': 'Bitrix24 did not accept the titles as sent. Reload the app and try again.',
  'error.COMMAND_REGISTER_FAILED': 'Bitrix24 could not register the command. Try again in a moment.',
  'error.FETCH_NOT_SUPPORTED': 'This bot can only be changed through imbot.v2. Reload the app and try again.',
  'install.title': 'Installing Bot Commands',
  'install.intro':
    'Bot Commands lists the slash commands of this application’s chat bots, and lets portal administrators edit, remove and restore them. First it checks that it has the permission it needs.',
  'install.checking': 'Checking the “Chat bots (imbot)” permission…',
  'install.missingScope':
    'The application lacks the “Chat bots (imbot)” permission, without which it can neither list nor change commands.',
  'install.missingScopeWhere':
    'In Bitrix24, open Developer resources → Integrations, edit this local application, tick “Chat bots (imbot)” under its permissions and save; then check again, or open the application anew if Bitrix24 asks for it.',
  'install.checkAgain': 'Check again',
  'install.finishing':
    'The permission is there. Bitrix24 is finishing the installation and will reload the app in a moment…',
  'install.noReload': 'Bitrix24 has not reloaded the app yet.',
  'install.finishAgain': 'Finish the installation again',
} as const satisfies Dictionary

export type MoreMessageKey = keyof typeof enMore

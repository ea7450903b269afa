import type { Message } from '../types'
import type { MoreMessageKey } from './en-more'

export const deMore: Record<MoreMessageKey, Message> = {
  'action.reload': 'App neu laden',
  'action.refresh': 'Liste aktualisieren',
  'action.dismiss': 'Ausblenden',
  'action.cancel': 'Abbrechen',
  'page.readOnly':
    'Sie können die Befehle ansehen. Ändern und Entfernen überlässt diese App den Portal-Administratoren: Das ist eine Regel dieser App, keine Einschränkung von Bitrix24 (Bitrix24 prüft nur, welcher Anwendung ein Bot gehört).',
  'bot.showAll': { one: 'Den {count} Befehl zeigen', other: 'Alle {count} Befehle zeigen' },
  'outside.title': 'Bot Commands ist eine Bitrix24-App',
  'outside.body':
    'Sie listet die Slash-Befehle der Chatbots Ihrer Anwendung auf und entfernt die, die Sie nicht mehr brauchen. Sie läuft in Bitrix24 als Anwendungsseite.',
  'outside.install.title': 'In Ihrem Bitrix24 verwenden',
  'outside.install.steps':
    'Laden Sie bot-commands.zip (npm run package) als statische lokale Anwendung mit der Berechtigung „Chatbots (imbot)“ hoch, oder stellen Sie die gebaute App über HTTPS bereit und tragen Sie ihre Adresse als Handler- und Installationspfad ein; öffnen Sie die Anwendung dann über ihren Menüpunkt in Bitrix24.',
  'outside.sandbox.title': 'Ohne Portal ausprobieren',
  'outside.sandbox.body':
    'Führen Sie „npm ci && npm start“ im Projekt aus und öffnen Sie die angezeigte Adresse des Sandbox-Portals: ein lokales Bitrix24-Abbild mit der App darin.',

  'handshake.title': 'Bitrix24 hat nicht geantwortet',
  'handshake.body':
    'Die Bitrix24-Seite um diese App hat nicht innerhalb von {seconds} Sekunden geantwortet. Laden Sie die App neu; passiert das wieder, öffnen Sie sie erneut über das Bitrix24-Menü.',
  'handshake.failed.title': 'Die App konnte keine Verbindung zu Bitrix24 herstellen',
  'handshake.failed.body':
    'Laden Sie die App neu; passiert das wieder, öffnen Sie sie erneut über das Bitrix24-Menü.',

  'error.details': 'Details',
  'error.code': 'Code',
  'error.status': 'HTTP-Status',
  'error.method': 'Methode',
  'error.description': 'Antwort von Bitrix24',
  'error.appDescription': 'Meldung der App',
  'error.answerType': 'Inhaltstyp der Antwort',
  'error.retryAt': 'Ein neuer Versuch ist nach {time} möglich.',

  'error.COMMAND_ID_ERROR':
    'Bitrix24 findet diesen Befehl nicht, obwohl er noch aufgeführt ist. Aktualisieren Sie die Liste und versuchen Sie es erneut.',
  'error.COMMAND_NOT_FOUND':
    'Laut Bitrix24 hat dieser Bot keinen solchen Befehl, obwohl er noch aufgeführt ist. Aktualisieren Sie die Liste und versuchen Sie es erneut.',
  'error.COMMAND_NOT_FOUND.owner':
    'Dieser Befehl gehört zu einer anderen Anwendung oder einem anderen Bot, daher lässt Bitrix24 ihn diese App nicht ändern. Er kann nur aus der Anwendung verwaltet werden, die ihn registriert hat.',
  'error.APP_ID_ERROR':
    'Dieser Befehl wurde von einer anderen Anwendung registriert. Er kann nur aus jener Anwendung entfernt werden.',
  'error.BOT_OWNERSHIP_ERROR':
    'Dieser Bot gehört einer anderen Anwendung. Seine Befehle lassen sich nur aus jener Anwendung verwalten.',
  'error.BOT_NOT_FOUND': 'Diesen Bot gibt es in Bitrix24 nicht mehr. Aktualisieren Sie die Liste.',
  'error.BOT_ID_REQUIRED':
    'Bitrix24 erwartete eine Bot-ID, die die App nicht gesendet hat. Laden Sie die App neu und versuchen Sie es erneut.',
  'error.BOT_TOKEN_NOT_SPECIFIED':
    'Bitrix24 verlangte ein Bot-Token, das nur Webhooks verwenden. Laden Sie die App neu und versuchen Sie es erneut.',
  'error.WRONG_AUTH_TYPE': 'Bitrix24 lehnt diese Anmeldeart für die Methode ab. Laden Sie die App neu.',
  'error.WRONG_REQUEST':
    'Bitrix24 konnte diesen Befehl nicht löschen. Versuchen Sie es erneut; schlägt es weiter fehl, wenden Sie sich an den Bitrix24-Support.',
  'error.QUERY_LIMIT_EXCEEDED':
    'Bitrix24 hat die App gebeten, langsamer zu werden, und ist noch ausgelastet. Warten Sie eine Minute und versuchen Sie es erneut.',
  'error.OPERATION_TIME_LIMIT': 'Bitrix24 hat diese Aktion für die App für einige Minuten pausiert.',
  'error.expired_token':
    'Ihre Bitrix24-Sitzung ist abgelaufen und konnte nicht erneuert werden. Laden Sie die App neu, um fortzufahren.',
  'error.invalid_token':
    'Bitrix24 akzeptiert die Sitzung der App nicht mehr. Laden Sie die App neu, um fortzufahren.',
  'error.NO_AUTH_FOUND':
    'Bitrix24 hat die Sitzung der App nicht erkannt. Laden Sie die App neu; passiert das wieder, installieren Sie die App neu.',
  'error.insufficient_scope':
    'Der App fehlt die Berechtigung „Chatbots (imbot)“. Ein Bitrix24-Administrator muss sie in den Einstellungen der Anwendung hinzufügen.',
  'error.INVALID_CREDENTIALS':
    'Ihrem Bitrix24-Konto fehlt die Berechtigung für diese Aktion. Wenden Sie sich an einen Bitrix24-Administrator.',
  'error.user_access_error':
    'Der Administrator hat diese App nur für bestimmte Benutzer freigegeben. Bitten Sie einen Bitrix24-Administrator um Zugriff.',
  'error.ACCESS_DENIED':
    'Bitrix24 hat der App den Zugriff auf diese Aktion verweigert. Ein Bitrix24-Administrator kann den Zugriff der App prüfen; den Grund von Bitrix24 finden Sie unter „Details“.',
  'error.ACCESS_DENIED.plan':
    'Die Bitrix24-REST-API ist nur in kostenpflichtigen Tarifen verfügbar. Der Tarif des Portals muss gewechselt werden.',
  'error.ACCESS_DENIED.subscription':
    'Bitrix24 nimmt Aufrufe über diesen Webhook nur mit einem aktiven Bitrix24-Market-Abonnement an (oder im Rahmen der Anzahl Webhooks, die der Tarif erlaubt). Ein Portaladministrator muss das Abonnement verlängern oder den Tarif wechseln.',
  'error.ACCESS_DENIED.user':
    'Bitrix24 kann Ihr Konto nicht für Apps anmelden: Es ist noch nicht bestätigt oder wurde noch nie zur Anmeldung am Portal verwendet. Melden Sie sich einmal bei Bitrix24 an und laden Sie dann die App neu.',
  'error.APPLICATION_NOT_FOUND':
    'Bitrix24 kennt diese App nicht mehr: Sie wurde im Portal entfernt oder deaktiviert. Ein Portaladministrator muss sie neu installieren.',
  'error.authorization_error':
    'Bitrix24 konnte Sie nicht für die App anmelden, vielleicht weil in diesem Browser ein anderer Bitrix24-Benutzer angemeldet ist. Laden Sie die App neu; passiert es wieder, melden Sie sich bei Bitrix24 ab und wieder an.',
  'error.CONNECTION_ERROR':
    'Bitrix24 konnte seinen Autorisierungsserver nicht erreichen, um die Sitzung der App zu prüfen. Es wurde nichts geändert; versuchen Sie es gleich noch einmal.',
  'error.WRONG_LICENSE':
    'Der Bitrix24-Tarif des Portals enthält nicht, was diese Aktion braucht. Ein Portaladministrator muss den Tarif wechseln.',
  'error.ERROR_CORE':
    'Bei dieser Aktion ist in Bitrix24 ein interner Fehler aufgetreten. Versuchen Sie es gleich noch einmal; tritt er wieder auf, wenden Sie sich an den Bitrix24-Support.',
  'error.ERROR_ARGUMENT':
    'Bitrix24 hat einen Wert nicht angenommen, den die App gesendet hat. Laden Sie die App neu und versuchen Sie es erneut; welcher Wert es war, steht unter „Details“.',
  'error.INTERNAL_SERVER_ERROR':
    'In Bitrix24 ist ein interner Fehler aufgetreten. Versuchen Sie es gleich noch einmal.',
  'error.ERROR_UNEXPECTED_ANSWER':
    'Bitrix24 hat eine unerwartete Antwort geliefert. Versuchen Sie es gleich noch einmal.',
  'error.OVERLOAD_LIMIT':
    'Bitrix24 hat die REST-API dieses Portals wegen Überlastung gesperrt. Nur der Bitrix24-Support kann die Sperre aufheben.',
  'error.PORTAL_DELETED':
    'Der öffentliche Bereich des Portals ist geschlossen, daher lehnt Bitrix24 REST-Aufrufe ab. Ein Portal-Administrator muss ihn wieder öffnen.',
  'error.INVALID_REQUEST':
    'Bitrix24 verlangt eine sichere Verbindung (HTTPS). Öffnen Sie das Portal über https und versuchen Sie es erneut.',
  'error.ERROR_BATCH_METHOD_NOT_ALLOWED':
    'Bitrix24 wollte diese Aktion nicht zusammen mit anderen ausführen. Entfernen Sie die Befehle einzeln.',
  'error.ERROR_BATCH_LENGTH_EXCEEDED':
    'Die Anfrage war für Bitrix24 zu groß. Wählen Sie weniger Befehle aus und versuchen Sie es erneut.',
  'error.ERROR_MANIFEST_IS_NOT_AVAILABLE':
    'Bitrix24 konnte das Manifest der Anwendung nicht laden. Versuchen Sie es später erneut oder wenden Sie sich an den Bitrix24-Support.',
  'error.ERROR_METHOD_NOT_FOUND':
    'Dieses Bitrix24 ist zu alt, um Bot-Befehle aufzulisten. Einen Befehl können Sie trotzdem über seine ID entfernen.',
  'error.NETWORK_ERROR':
    'Die Verbindung zu Bitrix24 ist fehlgeschlagen. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
  'error.REQUEST_TIMEOUT': 'Bitrix24 hat nicht rechtzeitig geantwortet. Versuchen Sie es erneut.',
  'error.MALFORMED_ANSWER':
    'Bitrix24 hat eine Antwort geschickt, die die App nicht lesen konnte. Versuchen Sie es erneut; die App hat nichts geändert.',
  'error.HANDSHAKE_TIMEOUT': 'Die Bitrix24-Seite hat der App nicht geantwortet. Laden Sie die App neu.',
  'error.HANDSHAKE_FAILED':
    'Die App konnte keine Verbindung zur Bitrix24-Seite herstellen. Laden Sie die App neu.',
  'error.OUTSIDE_BITRIX24': 'Die App läuft nicht in Bitrix24.',
  'error.unknown':
    'Bitrix24 hat die Anfrage abgelehnt. Versuchen Sie es erneut; der Code steht unter „Details“.',
  'error.NOT_BITRIX24_ANSWER':
    'Diese Adresse antwortet nicht wie Bitrix24: Statt einer Antwort von Bitrix24 kam eine Webseite oder andere Daten zurück. Vielleicht wird das Portal gerade gewartet oder verlangt eine erneute Anmeldung; versuchen Sie es gleich noch einmal.',
  'error.UNKNOWN_ERROR':
    'Beim Austausch mit Bitrix24 ist in der App ein Fehler aufgetreten. Versuchen Sie es erneut; passiert es wieder, laden Sie die App neu.',

  'legacy.title': 'Einen Befehl über seine ID entfernen',
  'legacy.body':
    'Dieses Bitrix24 kann keine Bot-Befehle auflisten (es ist älter als imbot.v2). Wenn Sie die numerische ID eines Befehls kennen, können Sie ihn trotzdem entfernen.',
  'legacy.label': 'Befehls-ID',
  'legacy.hint': 'Eine ganze Zahl, zum Beispiel 42.',
  'legacy.invalid': 'Geben Sie eine ganze Zahl größer als null ein.',
  'legacy.submit': 'Befehl entfernen',
  'legacy.removed': 'Befehl {id} wurde entfernt.',
  'legacy.alreadyGone': 'Bitrix24 hat keinen Befehl {id}: Er wurde bereits entfernt, oder die ID ist falsch.',
  'legacy.command': 'Befehl {id}',

  'bulk.summary.title': 'Entfernen abgeschlossen',
  'bulk.summary.removed': { one: '{count} entfernt', other: '{count} entfernt' },
  'bulk.summary.notSent': {
    one: '{count} nicht gesendet: eine frühere Anfrage ist fehlgeschlagen',
    other: '{count} nicht gesendet: eine frühere Anfrage ist fehlgeschlagen',
  },
  'bulk.summary.retry': {
    one: 'Den fehlgeschlagenen erneut versuchen',
    other: 'Die {count} fehlgeschlagenen erneut versuchen',
  },
  'row.notSent': 'Nicht an Bitrix24 gesendet: eine frühere Anfrage dieser Entfernung ist fehlgeschlagen.',
  'bulk.summary.failed': { one: '{count} fehlgeschlagen', other: '{count} fehlgeschlagen' },
  'bulk.summary.reason': '{reason} ({count})',
  'bulk.summary.failedHint': 'Die fehlgeschlagenen Befehle bleiben ausgewählt, jeweils mit ihrem Grund.',

  'export.done': { one: '{count} Befehl exportiert.', other: '{count} Befehle exportiert.' },

  'dialog.title': '{command} entfernen?',
  'dialog.body':
    'Benutzer können {command} in Chats nicht mehr aufrufen. Nur die Anwendung, die den Befehl registriert hat, kann ihn wieder registrieren.',
  'dialog.confirm': 'Entfernen',
  'dialog.bulk.title': { one: '{count} Befehl entfernen?', other: '{count} Befehle entfernen?' },
  'dialog.bulk.body':
    'Benutzer können sie in Chats nicht mehr aufrufen. Nur die Anwendung, die sie registriert hat, kann sie wieder registrieren.',

  'error.unknownDescribed':
    'Bitrix24 hat die Anfrage abgelehnt und meldet: „{description}“. Versuchen Sie es erneut; wenn der Fehler bleibt, wenden Sie sich an den Bitrix24-Support.',
  'bot.unreadable': {
    one: '{count} Eintrag der Liste dieses Bots kann nicht angezeigt werden: Bitrix24 hat ihn in einer Form gesendet, die die App nicht lesen kann. Die übrigen Befehle werden angezeigt.',
    other:
      '{count} Einträge der Liste dieses Bots können nicht angezeigt werden: Bitrix24 hat sie in einer Form gesendet, die die App nicht lesen kann. Die übrigen Befehle werden angezeigt.',
  },
  'page.unreadableBots': {
    one: '{count} Bot kann nicht angezeigt werden: Bitrix24 hat ihn in einer Form gesendet, die die App nicht lesen kann. Die übrigen Bots werden angezeigt.',
    other:
      '{count} Bots können nicht angezeigt werden: Bitrix24 hat sie in einer Form gesendet, die die App nicht lesen kann. Die übrigen Bots werden angezeigt.',
  },
  'page.truncated':
    'Bitrix24 hat immer neue Seiten mit Bots angeboten; die App hat nach {count} Bots aufgehört. Laden Sie die App neu, um die Liste erneut zu lesen.',

  'row.removing': 'Wird entfernt…',
  'row.waiting': 'Bitrix24 bittet um weniger Anfragen. Neuer Versuch läuft…',
  'row.pendingUndo': 'Wird gleich entfernt…',
  'toast.removed': '{command} wurde entfernt.',
  'toast.undone': 'Es wurde nichts entfernt.',
  'toast.scheduled': { one: '{count} Befehl wird entfernt.', other: '{count} Befehle werden entfernt.' },
  'toast.undo': 'Rückgängig',
  'bulk.progress': '{done} von {total} werden entfernt…',
  'toast.tooLate': 'Zu spät zum Rückgängigmachen: Die Entfernung wurde bereits an Bitrix24 gesendet.',
  'row.stillRemoving': 'Wird noch entfernt: Die Liste zeigt, wie es ausgeht.',
  'waiting.still': 'Bitrix24 hat noch nicht geantwortet; die App wartet weiter.',
  'waiting.listNote': 'Sie können das Warten beenden und es später erneut versuchen.',
  'waiting.removalNote':
    'Wenn Sie nicht mehr warten, liest die App die Liste neu: ein entfernter Befehl verschwindet daraus.',
  'waiting.stop': 'Nicht mehr warten',
  'waiting.stopped': 'Sie warten nicht mehr auf Bitrix24.',
  'waiting.stoppedRemoval':
    'Sie warten nicht mehr auf Bitrix24. Die Liste wird neu gelesen: Wurde der Befehl entfernt, verschwindet er daraus.',

  'page.noBots.title': 'Diese Anwendung hat keine Chatbots',
  'page.noBots.body':
    'Sobald die Anwendung einen Bot registriert, erscheinen der Bot und seine Befehle hier.',
  'page.loadFailed': 'Die Bots konnten nicht geladen werden.',
  'bot.empty': 'Dieser Bot hat keine Befehle.',
  'bot.noMatches': 'Kein Befehl dieses Bots passt zu „{query}“.',
  'bot.loadFailed': 'Die Befehle dieses Bots konnten nicht geladen werden.',
  'error.CLIENT_ID_NOT_SPECIFIED':
    'Bitrix24 hat nach dem Bot-Token (CLIENT_ID) gefragt, den nur Webhook-Verbindungen verwenden. Laden Sie die App neu und versuchen Sie es erneut.',
  'error.webhook.NO_AUTH_FOUND':
    'Bitrix24 akzeptiert diesen Webhook nicht: Die Adresse ist falsch, oder der Webhook wurde gelöscht oder deaktiviert. Prüfen Sie ihn in Bitrix24 (Entwicklerressourcen → Eingehender Webhook) und verbinden Sie sich erneut.',
  'error.webhook.NOT_BITRIX24_ANSWER':
    'Diese Adresse antwortet nicht wie Bitrix24: Statt einer Antwort von Bitrix24 kam eine Webseite oder andere Daten zurück. Prüfen Sie, ob Sie die vollständige URL des eingehenden Webhooks Ihres Bitrix24 eingefügt haben, und verbinden Sie sich erneut.',
  'error.webhook.expired':
    'Dieser Webhook ist abgelaufen. Erstellen Sie in Bitrix24 einen neuen eingehenden Webhook und verbinden Sie sich damit.',
  'error.webhook.insufficient_scope':
    'Diesem Webhook fehlt die Berechtigung „Chatbots (imbot)“. Fügen Sie sie dem Webhook in Bitrix24 hinzu und verbinden Sie sich erneut.',
  'error.webhook.tokenMissing':
    'Bitrix24 braucht den Bot-Token, mit dem Ihre Integration ihre Bots registriert hat. Verbinden Sie sich erneut und geben Sie ihn ein.',
  'error.webhook.foreign':
    'Dieser Bot wurde von einer Anwendung registriert, nicht mit diesem Bot-Token. Verwalten Sie ihn in dieser Anwendung in Bitrix24.',
  'error.webhook.unreachable':
    'Die App konnte das Portal nicht erreichen. Prüfen Sie die Webhook-Adresse, ob das Portal erreichbar ist und ob es Anfragen von dieser Seite annimmt.',
  'webhook.title': 'Mit einem Webhook verbinden',
  'webhook.body':
    'Für Bots, die über einen eingehenden Webhook registriert wurden: Fügen Sie die Adresse des Webhooks und den Bot-Token ein, mit dem Ihre Integration ihre Bots registriert hat. Beides bleibt nur in diesem Tab, für diesen Besuch: nie gespeichert, nie angezeigt.',
  'webhook.url': 'URL des eingehenden Webhooks',
  'webhook.urlHint': 'https://ihr-portal.bitrix24.de/rest/1/abc123…/',
  'webhook.token': 'Bot-Token (CLIENT_ID)',
  'webhook.connect': 'Verbinden',
  'webhook.connecting': 'Verbinden…',
  'webhook.problem.empty': 'Fügen Sie die URL des eingehenden Webhooks ein.',
  'webhook.problem.not-a-url':
    'Das ist keine Webadresse. Fügen Sie die ganze Webhook-URL ein, beginnend mit https://.',
  'webhook.problem.not-https':
    'Die Webhook-URL muss mit https:// beginnen (http geht nur für Adressen dieses Computers).',
  'webhook.problem.not-a-webhook':
    'Das ist keine URL eines eingehenden Webhooks: Sie sieht aus wie https://{Portal}/rest/{Benutzer-ID}/{Geheimnis}/.',
  'webhook.problem.user-id': 'Nach /rest/ muss die Nummer des Benutzers stehen, etwa /rest/1/{Geheimnis}/.',
  'webhook.problem.secret-short':
    'Das Geheimnis in dieser URL (der Teil nach der Nummer des Benutzers) ist kürzer als 8 Zeichen. Bitrix24 erstellt Geheimnisse mit 16 Zeichen: Kopieren Sie die ganze URL noch einmal aus Bitrix24 (Entwicklerressourcen → Eingehender Webhook).',
  'webhook.problem.token-empty':
    'Geben Sie den Bot-Token ein, mit dem Ihre Integration ihre Bots registriert hat.',
  'webhook.problem.token-short':
    'Dieser Bot-Token ist kürzer als 8 Zeichen: Die App könnte ihn in den Meldungen von Bitrix24 nicht verbergen, ohne auch gewöhnliche Wörter zu verbergen, und verbindet sich daher nicht damit.',
  'webhook.problem.token-long': 'Dieser Bot-Token ist länger als 40 Zeichen, Bitrix24 nimmt höchstens 40 an.',
  'webhook.waitingNote':
    'Wenn Sie nicht mehr warten, kehren Sie zum Formular zurück, und von diesem Webhook wird nichts behalten.',
  'webhook.stopped':
    'Sie warten nicht mehr auf Bitrix24. Vom Webhook wurde nichts behalten: Fügen Sie die URL und den Bot-Token erneut ein, um sich zu verbinden.',
  'webhook.connected': 'Mit {portal} über einen Webhook verbunden.',
  'webhook.disconnect': 'Trennen',
  'webhook.noBots.title': 'Dieser Bot-Token besitzt keine Bots',
  'webhook.noBots.body':
    'Über diesen Webhook listet Bitrix24 nur die Bots, die mit demselben Bot-Token registriert wurden. Prüfen Sie den Token, den Ihre Integration bei der Registrierung verwendet hat.',
  'edit.title': '{command} bearbeiten',
  'edit.save': 'Speichern',
  'edit.command': 'Befehl',
  'edit.titleField': 'Titel',
  'edit.params': 'Parameter',
  'edit.inLanguage': 'Sprache: {language}',
  'edit.addLanguage': 'Weitere Sprache hinzufügen',
  'edit.problem.empty': 'Geben Sie den Befehl ein, zum Beispiel support.',
  'edit.problem.spaces':
    'Ein Befehl darf kein Leerzeichen enthalten: Im Chat beendet ein Leerzeichen den Befehl. Zum Beispiel: support_ticket.',
  'edit.problem.taken': '{command} ist bereits ein Befehl dieses Bots.',
  'edit.failedLead': 'Die Änderung wurde nicht gespeichert; die Zeile zeigt den Befehl wie zuvor.',
  'edit.unavailable': 'Das Bearbeiten von Befehlen braucht imbot.v2, das dieses Bitrix24 nicht hat.',

  'bulk.selected': { one: '{count} ausgewählt', other: '{count} ausgewählt' },
  'bulk.clear': 'Auswahl aufheben',
  'bulk.remove': 'Ausgewählte entfernen',
  'export.selected': 'Auswahl exportieren',
  'restore.open': 'Aus Datei wiederherstellen',
  'restore.title': 'Befehle aus einer Datei wiederherstellen',
  'restore.intro':
    'Öffnen Sie eine Datei, die „JSON exportieren“ gespeichert hat. Gesendet wird erst, wenn Sie je Bot gesehen haben, was die Datei zurückbringt, und es bestätigen.',
  'restore.choose': 'Exportierte Datei wählen',
  'restore.dropHint': 'oder hier ablegen.',
  'restore.nothingToRestore':
    'Hier gibt es nichts wiederherzustellen: Jeder Befehl der Datei ist hier so, wie die Datei ihn hat, oder kann nicht wiederhergestellt werden (der Grund steht in seiner Zeile).',
  'restore.reading': 'Die aktuellen Befehle der Bots werden gelesen…',
  'restore.nothingSent': 'Es wurde nichts gesendet.',
  'restore.problem.tooBig': 'Diese Datei ist größer als {limit} und damit kein Export dieser App.',
  'restore.problem.empty': 'Diese Datei ist leer.',
  'restore.problem.notJson':
    'Diese Datei ist kein JSON. Wählen Sie die .json-Datei, die „JSON exportieren“ gespeichert hat.',
  'restore.problem.notExport':
    'Diese JSON-Datei ist kein Export von Bot Commands. Wählen Sie eine Datei, die „JSON exportieren“ gespeichert hat.',
  'restore.problem.newer':
    'Diese Datei stammt von einer neueren Version der App (Format {version}). Aktualisieren Sie die App und öffnen Sie sie erneut.',
  'restore.problem.header':
    'Diese Datei wurde wohl von Hand bearbeitet: „{field}“ fehlt oder ist falsch. Exportieren Sie erneut oder korrigieren Sie sie.',
  'restore.problem.field':
    'Diese Datei wurde wohl von Hand bearbeitet: Befehl Nr. {entry} hat ein fehlendes oder falsches „{field}“. Exportieren Sie erneut oder korrigieren Sie sie.',
  'restore.problem.noCommands': 'Dieser Export enthält keine Befehle, es gibt nichts wiederherzustellen.',
  'restore.fileFrom': 'Exportiert aus {portal} am {date}.',
  'restore.otherPortal':
    'Diese Datei stammt aus einem anderen Portal ({portal}): Bots werden hier über ihren Code zugeordnet.',
  'restore.counts':
    'Entfernt: {gone} · abweichend: {differs} · unverändert: {unchanged} · nicht wiederherstellbar: {blocked}',
  'restore.state.gone': 'entfernt: wiederherstellbar',
  'restore.state.differs': 'vorhanden, aber abweichend: kann auf den Stand der Datei gebracht werden',
  'restore.state.unchanged': 'unverändert',
  'restore.blocked.botMissing':
    'nicht wiederherstellbar: Der Bot {bot} ist hier nicht vorhanden. Er wurde gelöscht oder gehört einer anderen Anwendung oder einem anderen Webhook-Token.',
  'restore.blocked.listUnreadable':
    'jetzt nicht wiederherstellbar: Die Befehle von {bot} konnten nicht gelesen werden. Versuchen Sie es später.',
  'restore.blocked.titleMissing':
    'nicht wiederherstellbar: Bitrix24 verlangt für einen sichtbaren Befehl einen Titel, und die Datei hat keinen.',
  'restore.blocked.duplicate':
    'nicht wiederherstellbar: Die Datei enthält diesen Befehl von {bot} zweimal; der erste zählt.',
  'restore.field.title': 'Titel',
  'restore.field.params': 'Parameter',
  'restore.yes': 'ja',
  'restore.no': 'nein',
  'restore.diff': 'jetzt „{now}“, in der Datei „{file}“',
  'restore.confirm': { one: '{count} Befehl wiederherstellen', other: '{count} Befehle wiederherstellen' },
  'restore.progress': 'Wiederherstellung: {done} von {total}…',
  'restore.close': 'Schließen',
  'restore.summary.title': 'Wiederherstellung abgeschlossen',
  'restore.summary.restored': { one: '{count} wiederhergestellt', other: '{count} wiederhergestellt' },
  'restore.summary.updated': { one: '{count} aktualisiert', other: '{count} aktualisiert' },
  'restore.summary.failed': {
    one: '{count} nicht wiederhergestellt',
    other: '{count} nicht wiederhergestellt',
  },
  'restore.outcome.restored': 'wiederhergestellt',
  'restore.outcome.updated': 'auf den Stand der Datei gebracht',
  'restore.outcome.already': 'bereits wie in der Datei vorhanden: nichts gesendet',
  'restore.outcome.failed': 'nicht wiederhergestellt',
  'restore.outcome.notSent': 'nicht gesendet: eine frühere Anfrage ist gescheitert',
  'restore.blocked.tooLong':
    'kann nicht wiederhergestellt werden: {what}. Bitrix24 speichert höchstens 255 Zeichen (in Titel und Parametern zählt ein Emoji als 10) und speichert einen längeren Text nicht: Kürzen Sie ihn in der Datei.',
  'restore.tooLong.command': {
    one: 'der Befehl ist {count} Zeichen zu lang',
    other: 'der Befehl ist {count} Zeichen zu lang',
  },
  'restore.tooLong.title': {
    one: 'der Titel ist {count} Zeichen zu lang',
    other: 'der Titel ist {count} Zeichen zu lang',
  },
  'restore.tooLong.params': {
    one: 'die Parameter sind {count} Zeichen zu lang',
    other: 'die Parameter sind {count} Zeichen zu lang',
  },
  'restore.blocked.language':
    'kann nicht wiederhergestellt werden: Der Titel steht unter der Sprache {language}, die Bitrix24 nicht kennt; niemand würde ihn sehen.',
  'restore.state.unchangedFlags': 'Optionen wie in der Datei; Titel nicht verglichen',
  'restore.language.notCompared':
    'Titel und Parameter der Datei sind auf {file}, Bitrix24 listet die Befehle dieses Portals aber auf {list}, und eine App kann sie in keiner anderen Sprache lesen. Daher werden Titel und Parameter nicht verglichen: Vorhandene Befehle behalten ihre, nur ihre Optionen werden verglichen und aktualisiert. Entfernte Befehle werden mit den Titeln der Datei auf {file} registriert.',
  'restore.language.bringsBack':
    'Entfernte Befehle kommen mit Titeln und Parametern auf {language} zurück: Titel in anderen Sprachen waren nicht im Export und kommen nicht zurück.',
  'restore.language.only':
    'kommt nur mit dem Titel auf {language} zurück: Andere Sprachen waren nicht im Export.',
  'restore.warning.space':
    'Im Chat endet ein Befehl am ersten Leerzeichen: Bitrix24 speichert {command}, aber niemand kann ihn aufrufen.',
  'restore.unknown.legend': '{flag}: nicht in der Datei. Wählen Sie:',
  'restore.unknown.intro': {
    one: 'Die Datei sagt bei {count} Befehl nichts zu „{flag}“ (die Befehlsliste von Bitrix24 zeigt es nicht). Wählen Sie unten oder für alle auf einmal:',
    other:
      'Die Datei sagt bei {count} Befehlen nichts zu „{flag}“ (die Befehlsliste von Bitrix24 zeigt es nicht). Wählen Sie unten für jeden einzeln oder für alle auf einmal:',
  },
  'restore.unknown.allYes': '{flag}: ja für alle',
  'restore.unknown.allNo': '{flag}: nein für alle',
  'restore.unknown.pending': {
    one: 'Wählen Sie zuerst die Optionen, die die Datei nicht kennt, für {count} ausgewählten Befehl.',
    other: 'Wählen Sie zuerst die Optionen, die die Datei nicht kennt, für {count} ausgewählte Befehle.',
  },
  'restore.waiting':
    'Bitrix24 bittet, langsamer zu senden: Die App wartet einen Moment und sendet den Rest dann erneut.',
  'restore.summary.already': {
    one: '{count} bereits wie in der Datei (nichts gesendet)',
    other: '{count} bereits wie in der Datei (nichts gesendet)',
  },
  'restore.summary.notSaved': {
    one: '{count} von Bitrix24 nicht gespeichert',
    other: '{count} von Bitrix24 nicht gespeichert',
  },
  'restore.outcome.vanished':
    'nicht mehr vorhanden (inzwischen entfernt): nichts gesendet. Öffnen Sie die Datei erneut, um ihn wiederherzustellen.',
  'restore.notSaved.existing':
    'nicht wiederhergestellt: Bitrix24 antwortete mit {command}, einem bereits vorhandenen Befehl (vielleicht einer anderen Anwendung), und ließ ihn unverändert.',
  'restore.notSaved.unlisted':
    'nicht wiederhergestellt: Bitrix24 meldete ihn als gespeichert, aber der Bot listet ihn nicht.',
  'restore.notSaved.fields': 'Bitrix24 antwortete ohne Fehler, hat aber nicht gespeichert: {fields}.',
  'restore.sent.title': 'Titel auf {language}',
  'restore.sent.titleAndHint': 'Titel und Parameter auf {language}',
  'restore.sent.flags': 'gesetzt: {flags}',
  'restore.sent.chosen': '(Ihre Wahl)',
  'restore.preview.heading': 'Die Datei im Vergleich mit den Bots hier',
  'restore.checking':
    'Es wird geprüft, was Bitrix24 gespeichert hat: Die Befehle der Bots werden neu gelesen…',
  'restore.stopping':
    'Wird abgebrochen: Es wird nichts mehr gesendet. Die App wartet die Antwort auf die bereits gesendete Anfrage ab und liest dann die Listen neu, um zu zeigen, was wiederhergestellt wurde.',
  'restore.waitingNote.reading': 'Wenn Sie nicht mehr warten, wird nichts gesendet.',
  'restore.waitingNote.sending':
    'Wenn Sie nicht mehr warten, wird nichts mehr gesendet: Die App wartet die Antwort auf die laufende Anfrage ab, liest die Listen neu und zeigt, was wiederhergestellt und was nicht gesendet wurde.',
  'restore.waitingNote.checking':
    'Wenn Sie nicht mehr warten, zeigt die Zusammenfassung die Antworten von Bitrix24 ohne Abgleich mit den Listen.',
  'restore.elapsed': 'Vergangen: {time}',
  'restore.timeLeft': 'noch etwa {time}',
  'restore.outcome.stopped': 'nicht gesendet: Sie haben die Wiederherstellung vorher abgebrochen',
  'restore.summary.notSent': { one: '{count} nicht gesendet', other: '{count} nicht gesendet' },
  'restore.summary.stoppedTitle': 'Wiederherstellung abgebrochen',
  'restore.summary.sendRest': {
    one: 'Den nicht gesendeten wiederherstellen',
    other: 'Die {count} nicht gesendeten wiederherstellen',
  },
  'edit.problem.hintWithoutTitle':
    'Fügen Sie auch einen Titel hinzu (Sprache: {language}): Bitrix24 speichert einen Hinweis nur mit seinem Titel.',
  'edit.problem.titleRequired':
    'Ein Befehl, der nicht versteckt ist, braucht einen Titel (Sprache: {language}): Ohne Titel würde Bitrix24 ihn nicht erneut registrieren, und er ließe sich nicht aus einem Export wiederherstellen. Geben Sie einen Titel ein oder markieren Sie den Befehl als „Versteckt“.',
  'edit.problem.tooLong': {
    one: 'Um {count} Zeichen zu lang: Bitrix24 speichert höchstens 255 (ein Emoji zählt als 10) und würde den Text nicht speichern.',
    other:
      'Um {count} Zeichen zu lang: Bitrix24 speichert höchstens 255 (ein Emoji zählt als 10) und würde den Text nicht speichern.',
  },
  'edit.problem.triggerTooLong': {
    one: 'Um {count} Zeichen zu lang: Bitrix24 speichert einen Befehl mit höchstens 255 Zeichen und würde den alten behalten.',
    other:
      'Um {count} Zeichen zu lang: Bitrix24 speichert einen Befehl mit höchstens 255 Zeichen und würde den alten behalten.',
  },
  'edit.problem.language': 'Bitrix24 kennt keine Sprache „{language}“. Wählen Sie eine aus der Liste.',
  'edit.note.slashes':
    'Bitrix24 entfernt zwei Schrägstriche am Anfang: Der Befehl wird als {command} gespeichert.',
  'edit.languageNote':
    'Titel und Parameter in der Sprache {language}, in der dieses Portal die Befehle auflistet. Titel in anderen Sprachen bleiben, wie sie sind.',
  'edit.otherLanguages':
    'Bitrix24 behält die Titel eines Befehls in anderen Sprachen. Was Sie für eine hier hinzugefügte Sprache eingeben, ersetzt dort Titel oder Parameter; ein leeres Feld lässt das Vorhandene unverändert.',
  'edit.saving': 'Wird gespeichert…',
  'edit.unsavedLead':
    'Bitrix24 hat ohne Fehler geantwortet, aber nicht die ganze Änderung an {command} gespeichert.',
  'edit.unsaved.command': 'Bitrix24 hat den neuen Befehl nicht gespeichert: Er heißt weiterhin {command}.',
  'edit.unsaved.title': 'Bitrix24 hat den Titel nicht gespeichert (Sprache: {language}).',
  'edit.unsaved.params': 'Bitrix24 hat die Parameter nicht gespeichert (Sprache: {language}).',
  'edit.unsaved.flag': 'Bitrix24 hat „{flag}“ nicht gespeichert.',
  'edit.editAgain': 'Erneut bearbeiten',
  'edit.gone':
    'Die Änderung an {command} wurde nicht gespeichert: Den Befehl gibt es nicht mehr. Er wurde anderswo entfernt, zum Beispiel in einem anderen Tab.',
  'error.COMMAND_ALREADY_EXISTS':
    'Dieser Bot hat bereits einen Befehl mit diesem Namen. Wählen Sie einen anderen Namen.',
  'error.COMMAND_NAME_EMPTY': 'Bitrix24 braucht einen Befehlsnamen. Geben Sie einen ohne Leerzeichen ein.',
  'error.COMMAND_REQUIRED':
    'Bitrix24 hat keinen Befehlsnamen erhalten. Geben Sie einen ein und speichern Sie erneut.',
  'error.COMMAND_NAME_INVALID':
    'Bitrix24 hat den Befehl nicht als Text erhalten. Laden Sie die App neu und speichern Sie erneut.',
  'error.COMMAND_TITLE_REQUIRED':
    'Bitrix24 braucht einen Titel für einen Befehl, der nicht verborgen ist. Geben Sie einen Titel ein.',
  'error.COMMAND_TITLE_INVALID':
    'Bitrix24 hat die Titel so nicht angenommen. Laden Sie die App neu und versuchen Sie es erneut.',
  'error.COMMAND_REGISTER_FAILED':
    'Bitrix24 konnte den Befehl nicht registrieren. Versuchen Sie es gleich noch einmal.',
  'error.FETCH_NOT_SUPPORTED':
    'Dieser Bot lässt sich nur über imbot.v2 ändern. Laden Sie die App neu und versuchen Sie es erneut.',
  'install.title': 'Bot Commands wird installiert',
  'install.intro':
    'Bot Commands listet die Slash-Befehle der Chatbots dieser Anwendung auf und lässt Portal-Administratoren sie bearbeiten, entfernen und wiederherstellen. Zuerst prüft die App, ob sie die nötige Berechtigung hat.',
  'install.checking': 'Die Berechtigung „Chatbots (imbot)“ wird geprüft…',
  'install.missingScope':
    'Der Anwendung fehlt die Berechtigung „Chatbots (imbot)“; ohne sie kann sie Befehle weder auflisten noch ändern.',
  'install.missingScopeWhere':
    'Öffnen Sie in Bitrix24 „Entwicklerressourcen“ → „Integrationen“, bearbeiten Sie diese lokale Anwendung, setzen Sie bei den Berechtigungen „Chatbots (imbot)“ und speichern Sie; prüfen Sie dann erneut oder öffnen Sie die Anwendung neu, falls Bitrix24 das verlangt.',
  'install.checkAgain': 'Erneut prüfen',
  'install.finishing':
    'Die Berechtigung ist da. Bitrix24 schließt die Installation ab und lädt die App gleich neu…',
  'install.noReload': 'Bitrix24 hat die App noch nicht neu geladen.',
  'install.finishAgain': 'Installation erneut abschließen',
}

import { type B24Frame, initializeB24Frame } from '@bitrix24/b24jssdk'
import { localErrorCodes, PortalError, toPortalError } from '../portal-error'
import type { PortalClient } from '../types'
import { SdkPortalClient } from './sdk-client'

/** The SDK's message name for resizing the frame; sent directly so the width can stay "100%". */
const resizeWindowCommand = 'resizeWindow'

/** Connects through the Bitrix24 iframe protocol (src/portal is the app's only importer of the SDK). */
export async function connectFrame(): Promise<PortalClient> {
  let b24: B24Frame
  try {
    b24 = await initializeB24Frame()
  } catch (error) {
    const failure = toPortalError(error, 'getInitData')
    // The SDK's way of saying there is no Bitrix24 parent (no window.name).
    if (failure.code === 'JSSDK_CLIENT_SIDE_WARNING') {
      throw new PortalError({ ...failure.toShape(), code: localErrorCodes.outsideBitrix24 })
    }
    throw new PortalError({ ...failure.toShape(), code: localErrorCodes.handshakeFailed })
  }
  return new FramePortalClient(b24)
}

class FramePortalClient extends SdkPortalClient {
  readonly mode = 'frame' as const
  readonly lang: string
  readonly isAdmin: boolean
  readonly portalHost: string
  readonly installMode: boolean
  protected readonly b24: B24Frame
  #lastHeight = -1

  constructor(b24: B24Frame) {
    super()
    this.b24 = b24
    this.lang = b24.getLang()
    this.isAdmin = b24.auth.isAdmin
    this.portalHost = new URL(b24.getTargetOrigin()).host
    this.installMode = b24.isInstallMode
  }

  finishInstall(): void {
    // The portal reloads the page instead of answering, so the SDK's promise never settles: nothing waits for it.
    void this.b24.installFinish().catch(() => undefined)
  }

  fitToContent(height: number): void {
    const rounded = Math.ceil(height)
    if (rounded === this.#lastHeight) return
    this.#lastHeight = rounded
    void this.b24.parent.message
      .send(resizeWindowCommand, { width: '100%', height: rounded, isSafely: true })
      .catch(() => undefined)
  }

  setTitle(title: string): void {
    void this.b24.parent.setTitle(title).catch(() => undefined)
  }
}

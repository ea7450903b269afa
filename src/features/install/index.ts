// Installing the app: the step Bitrix24 shows an administrator on the first open of a local application whose
// installation path is set (install mode). Loaded only then: an installed app never downloads it.
export const loadInstallStep = () => import('./on-demand/InstallStep').then((module) => module.InstallStep)

/**
 * electron-builder's afterPack hook (package.json "build.afterPack"): hardens the packed
 * Electron binary with its fuses before it is signed. A packaged Leadline cannot be
 * turned into a Node interpreter (ELECTRON_RUN_AS_NODE), attached to (--inspect) or
 * steered by NODE_OPTIONS, and loads its code only from its own app.asar, whose
 * integrity it checks (macOS and Windows: electron-builder writes the hash).
 */
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import { Arch } from 'electron-builder';

/** The fuse wire Leadline ships with. */
export const LEADLINE_FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  // The renderer is served from app://, never file://: file: pages get no extra powers.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** Where the packed Electron executable is, as electron-builder names it per platform. */
export function packedExecutable(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return join(appOutDir, packager.executableName);
}

export default async function afterPack(context, flip = flipFuses) {
  await flip(packedExecutable(context), {
    version: FuseVersion.V1,
    // Flipping a fuse breaks an Apple Silicon binary's ad-hoc signature: sign it again.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === Arch.arm64,
    ...LEADLINE_FUSES,
  });
}

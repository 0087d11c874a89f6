// Types of after-pack.mjs, for its test: the part of electron-builder's AfterPackContext it reads.
import type { FuseV1Config } from '@electron/fuses';

export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { executableName: string; appInfo: { productFilename: string } };
}
export declare const LEADLINE_FUSES: Omit<FuseV1Config, 'version'>;
export declare function packedExecutable(context: Omit<PackContext, 'arch'>): string;
export default function afterPack(context: PackContext): Promise<void>;

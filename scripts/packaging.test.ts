import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import afterPack, { packedExecutable } from './after-pack.mjs';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  productName: string;
  scripts: Record<string, string>;
  build: {
    appId: string;
    productName: string;
    afterPack: string;
    asar: boolean;
    files: string[];
    protocols: { schemes: string[] }[];
    fileAssociations: { ext: string | string[]; role: string; rank: string }[];
    linux: { target: string[]; icon: string };
    mac: { target: string[]; icon: string };
    win: { target: string[]; icon: string };
  };
};
const { build } = pkg;

describe('electron-builder configuration', () => {
  it('names the app and builds each platform’s installers', () => {
    expect(build.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(build.productName).toBe('Leadline');
    expect(build.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(build.mac.target).toEqual(['dmg']);
    expect(build.win.target).toEqual(['nsis']);
    expect(pkg.scripts.dist).toBe('node scripts/dist.mjs');
  });

  it('ships the build, the bundled article and the window icon, packed in an asar', () => {
    expect(build.asar).toBe(true);
    expect(build.files).toEqual(expect.arrayContaining(['out/**/*', 'resources/**/*', 'package.json']));
  });

  it('uses the icons that npm run icons makes', () => {
    expect(build.linux.icon).toBe('build/icons/png');
    expect(build.mac.icon).toBe('build/icons/icon.icns');
    expect(build.win.icon).toBe('build/icons/icon.ico');
  });

  it('declares the leadline:// protocol and offers Open With for Markdown, text and web pages', () => {
    expect(build.protocols.flatMap((p) => p.schemes)).toEqual(['leadline']);
    const extensions = build.fileAssociations.flatMap((a) => a.ext);
    expect(extensions).toEqual(expect.arrayContaining(['md', 'txt', 'html', 'htm']));
    // An "Open with" entry, not a claim to be every text file's default application.
    for (const association of build.fileAssociations) expect(association).toMatchObject({ role: 'Viewer', rank: 'Alternate' });
  });
});

describe('the afterPack hook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadline-fuses-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A stand-in executable carrying the fuse wire of a stock Electron 45 (sentinel, version 1, nine fuses). */
  function stockElectron(path: string): void {
    const wire = Buffer.from([FuseState.ENABLE, FuseState.DISABLE, FuseState.ENABLE, FuseState.ENABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.ENABLE, FuseState.ENABLE]);
    writeFileSync(path, Buffer.concat([Buffer.from('#!/bin/sh\n'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, wire.length]), wire]));
  }

  it('is the hook package.json names', () => {
    expect(build.afterPack).toBe('./scripts/after-pack.mjs');
  });

  it('finds the packed executable where electron-builder puts it on each platform', () => {
    const packager = { executableName: 'leadline', appInfo: { productFilename: 'Leadline' } };
    expect(packedExecutable({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe(join('/o', 'leadline'));
    expect(packedExecutable({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe(join('/o', 'Leadline.exe'));
    expect(packedExecutable({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe(join('/o', 'Leadline.app'));
  });

  it('flips the fuses of the packed binary: no Node mode, no inspector, no NODE_OPTIONS, app only from an intact asar', async () => {
    const binary = join(dir, 'leadline');
    stockElectron(binary);
    await afterPack({ appOutDir: dir, electronPlatformName: 'linux', arch: 1, packager: { executableName: 'leadline', appInfo: { productFilename: 'Leadline' } } });
    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    // A fuse Leadline has no opinion on keeps Electron's default.
    expect(wire[FuseV1Options.WasmTrapHandlers]).toBe(FuseState.ENABLE);
  });
});

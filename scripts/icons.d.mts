// Types of icons.mjs, for its test.
export declare const ROOT: string;
export declare const SOURCE: string;
export declare const PNG_SIZES: number[];
export declare const WINDOW_ICON_SIZE: number;
export declare function renderPng(svg: string, size: number): Promise<Buffer>;
export declare function renderIcons(svg: string): Promise<Map<string, Buffer>>;
export declare function writeIcons(): Promise<number>;

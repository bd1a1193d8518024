export const SCHEMA: string;
export function schemaCheck(manifestPath: string, schemaPath?: string): Promise<{ ok: boolean; output: string }>;
export function contentCheck(xml: string, root?: string): string[];
export function pngSize(buf: Buffer): { width: number; height: number } | null;

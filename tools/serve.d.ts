import type { Server } from 'http';
export function startServer(opts?: {
  dir?: string;
  port?: number;
  host?: string;
}): Promise<{ server: Server; port: number; url: string }>;

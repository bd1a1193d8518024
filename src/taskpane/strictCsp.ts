/**
 * The pages' Content-Security-Policy forbids eval. zod probes for it with `new Function` when a
 * schema is built, and Chromium reports even a caught probe as a violation, so turn the probe off
 * before any schema exists: import this module before anything that imports zod.
 */
import { config } from 'zod/mini';

config({ jitless: true });

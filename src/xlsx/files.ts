/**
 * Where the CLI's outputs go and how they are written (no ExcelJS here: the main thread plans with it).
 *
 * An output is written to a temporary file in its own folder (created exclusively, flushed to disk) and
 * only then given its name: without --force by a hard link, which fails if the name exists (nothing is
 * replaced, however late the other file appeared), with --force by a rename. So the name never holds a
 * half-written file (a full disk or a killed run leaves at most a stale temporary file, under another
 * name, that blocks nothing), and never a symlink's target: a symlink at the output's name is refused,
 * even with --force. Outputs and inputs are compared by their real paths (symlinked folders resolved).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export class OutputExistsError extends Error {
  constructor(readonly path: string) {
    super(`output exists: ${path}`);
    this.name = 'OutputExistsError';
  }
}

export class SameFileError extends Error {
  constructor(readonly path: string) {
    super(`output would overwrite the input: ${path}`);
    this.name = 'SameFileError';
  }
}

export class SymlinkOutputError extends Error {
  constructor(readonly path: string) {
    super(`output is a symbolic link: ${path}`);
    this.name = 'SymlinkOutputError';
  }
}

export interface TargetOptions {
  /** Replace an existing output file (never an input, never through a symlink). */
  force?: boolean;
  /** Paths the output must never replace (the inputs). */
  protect?: readonly string[];
}

/** "seeds/a.xlsx" → "a.<kind>.xlsx" in dir (default: beside the input). */
export function outputPath(input: string, kind: 'checked' | 'fixed', dir?: string): string {
  const base = path.basename(input).replace(/\.(xlsx|xlsm|xltx|xltm)$/i, '');
  return path.join(dir ?? path.dirname(input), `${base}.${kind}.xlsx`);
}

/**
 * Where a path really is: the real path of its folder (symlinks resolved, from the nearest folder that
 * exists) and its own name as given (a symlink there is not followed: it is what would be replaced).
 */
export function realOutputPath(p: string): string {
  const abs = path.resolve(p);
  let dir = path.dirname(abs);
  let rest = path.basename(abs);
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(dir), rest);
    } catch {
      const up = path.dirname(dir);
      if (up === dir) return abs;
      rest = path.join(path.basename(dir), rest);
      dir = up;
    }
  }
}

/** A key for comparing output paths: the real path, in one case where the file system ignores case. */
export function outputKey(p: string): string {
  const real = realOutputPath(p);
  return process.platform === 'win32' || process.platform === 'darwin' ? real.toLowerCase() : real;
}

/** Whether writing `out` would replace the file `other` (the same real path, or the same file by a hard link or a symlink). */
export function sameFile(out: string, other: string): boolean {
  if (outputKey(out) === outputKey(other)) return true;
  try {
    if (outputKey(out) === outputKey(fs.realpathSync.native(other))) return true;
    const a = fs.statSync(out);
    const b = fs.statSync(other);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

function isSymlink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Throw if `out` may not be written: it is an input, a symlink, or (without force) an existing file. */
export function checkTarget(out: string, opts: TargetOptions): void {
  for (const p of opts.protect ?? []) if (sameFile(out, p)) throw new SameFileError(out);
  if (isSymlink(out)) throw new SymlinkOutputError(out);
  if (!opts.force && fs.existsSync(out)) throw new OutputExistsError(out);
}

/**
 * The temporary file beside `out`: hidden, ending in .tmp, never the name of an output. The suffix only
 * has to differ between runs (the file is opened with wx, which never follows or replaces anything), so
 * Math.random serves: node:crypto would load 16 more modules in every worker.
 */
function tempPath(out: string): string {
  const suffix = Math.floor(Math.random() * 2 ** 48)
    .toString(16)
    .padStart(12, '0');
  return path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}-${suffix}.tmp`);
}

/** Errors of a file system without hard links (FAT, exFAT, some network shares). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** Write `data` to `out` safely (see the top of this file): checkTarget first, then temp file, link or rename. */
export function writeFileSafely(out: string, data: Uint8Array, opts: TargetOptions): void {
  checkTarget(out, opts);
  const tmp = tempPath(out);
  const fd = fs.openSync(tmp, 'wx', 0o666);
  try {
    try {
      for (let at = 0; at < data.length;) at += fs.writeSync(fd, data, at, data.length - at);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // Checked again: the folder may have changed while the workbook was built and written.
    if (isSymlink(out)) throw new SymlinkOutputError(out);
    if (opts.force) {
      fs.renameSync(tmp, out);
    } else {
      try {
        fs.linkSync(tmp, out);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? '';
        if (code === 'EEXIST') throw new OutputExistsError(out);
        if (!NO_LINKS.has(code)) throw e;
        // No hard links here: rename, after a last look (the one case with a window for a race).
        if (fs.existsSync(out) || isSymlink(out)) throw new OutputExistsError(out);
        fs.renameSync(tmp, out);
      }
    }
  } finally {
    // After a link the temporary name goes; after a failure the whole file (a rename left nothing).
    try {
      fs.unlinkSync(tmp);
    } catch {
      // already renamed, or never there
    }
  }
}

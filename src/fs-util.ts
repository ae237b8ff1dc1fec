import { stat } from 'node:fs/promises';

/** Is `p` an existing regular file? (false for a directory or a missing path; never throws) */
export async function isFile(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isFile(),
    () => false,
  );
}

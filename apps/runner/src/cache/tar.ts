/**
 * A deliberately narrow ustar reader for compiler artefacts streamed out of
 * the compile sandbox. It accepts only the top directory entry and regular
 * files with plain names — no links, no sub-directories, no `..` — so
 * nothing the sandbox writes can make the host follow or create a path
 * outside the cache entry (the lesson of Judge0's CVE-2024-28185/28189).
 */

export interface TarFile {
  name: string;
  mode: number;
  data: Buffer;
}

const BLOCK = 512;
const SAFE_NAME = /^[A-Za-z0-9_$][A-Za-z0-9_$.+-]{0,127}$/;

function field(header: Buffer, offset: number, length: number): string {
  const raw = header.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

function octal(header: Buffer, offset: number, length: number): number {
  const text = field(header, offset, length).trim();
  if (!/^[0-7]*$/.test(text)) throw new Error('bad number in tar header');
  return text === '' ? 0 : parseInt(text, 8);
}

/** Parses an artefact tarball; throws with a short reason on anything outside the narrow format. */
export function parseArtefactTar(tar: Buffer, maxFiles = 512): TarFile[] {
  const files: TarFile[] = [];
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    const size = octal(header, 124, 12);
    const type = String.fromCharCode(header[156] ?? 0);
    const prefix = field(header, 345, 155);
    let name = field(header, 0, 100);
    if (prefix) name = `${prefix}/${name}`;
    offset += BLOCK;
    const dataEnd = offset + size;
    if (dataEnd > tar.length) throw new Error('truncated tar');
    if (type === '5') {
      if (name !== './' && name !== '.') throw new Error(`sub-directory "${name}" in artefacts`);
    } else if (type === '0' || type === '\0') {
      const base = name.startsWith('./') ? name.slice(2) : name;
      if (!SAFE_NAME.test(base)) throw new Error(`unexpected artefact name "${name}"`);
      if (files.length >= maxFiles) throw new Error('too many artefact files');
      files.push({ name: base, mode: octal(header, 100, 8), data: Buffer.from(tar.subarray(offset, dataEnd)) });
    } else {
      throw new Error(`tar entry "${name}" of type ${JSON.stringify(type)} is not a regular file`);
    }
    offset += Math.ceil(size / BLOCK) * BLOCK;
  }
  return files;
}

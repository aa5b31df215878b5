import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';

/**
 * Bytes that look random but are the same on every run: SHA-256 of the seed and a counter.
 * Fuzz inputs built from them can be named in a failure and made again.
 */
export function seededBytes(seed: string, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; blocks.length * 32 < length; i++) {
    blocks.push(createHash('sha256').update(`${seed}:${i}`).digest());
  }
  return Buffer.concat(blocks).subarray(0, length);
}

/** An HLS playlist of one segment, the way an upload could name a file or URL for ffmpeg to read. */
export function playlistNaming(segment: string, seconds = 6): string {
  return `#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:${seconds}\n#EXTINF:${seconds}.0,\n${segment}\n#EXT-X-ENDLIST\n`;
}

/** An ISO media file start (ftyp) followed by a box whose header claims far more than follows. */
export function mp4WithHugeBox(): Buffer {
  const ftyp = Buffer.from('0000001c667479706973366d0000020069736f6d69736f326d703431', 'hex');
  const moov = Buffer.alloc(8);
  moov.writeUInt32BE(0xffff_fff0, 0);
  moov.write('moov', 4, 'latin1');
  return Buffer.concat([ftyp, moov, seededBytes('huge-box', 4096)]);
}

/** An ID3v2 tag header that claims 256 MB of tag before any MPEG audio frame. */
export function mp3WithHugeTag(): Buffer {
  // ID3v2 sizes are synchsafe: four 7-bit bytes.
  const header = Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x7f, 0x7f, 0x7f, 0x7f]);
  return Buffer.concat([header, seededBytes('huge-tag', 8192)]);
}

export interface RawAnswer {
  status: number;
  body: string;
}

/**
 * A request whose headers say one thing and whose body is another, which fetch will not send:
 * `content-length` claims `declaredBytes`, only `sentBytes` follow. Resolves with the answer
 * the server gives before the body is complete, then drops the connection.
 */
export function sendDeclaringLength(
  url: string,
  headers: Record<string, string>,
  declaredBytes: number,
  sentBytes: number,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const req = httpRequest(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(declaredBytes) },
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error('The server did not answer before the body was complete'));
    }, 20_000);
    req.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => {
        settled = true;
        clearTimeout(timer);
        req.destroy();
        resolve({ status: response.statusCode ?? 0, body });
      });
    });
    // The server may close the connection as soon as it has answered: only an error before that counts.
    req.on('error', (err) => {
      if (settled) return;
      clearTimeout(timer);
      reject(err);
    });
    req.write(Buffer.alloc(sentBytes));
  });
}

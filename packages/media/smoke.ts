import { transcodeRecording, probeMedia } from './src/index.ts';
const [input, out, kind] = process.argv.slice(2);
const probe = await probeMedia(input!);
console.log(JSON.stringify({ ...probe, video: probe.video ? { ...probe.video, keyframeTimes: probe.video.keyframeTimes.length } : null }));
const t = Date.now();
const m = await transcodeRecording(input!, out!, { kind: (kind as 'full') ?? 'full', onProgress: (p) => console.log(JSON.stringify(p)) });
console.log(JSON.stringify(m, null, 1));
console.log('took', Date.now() - t, 'ms');

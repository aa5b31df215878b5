import { useEffect, useState } from 'react';

/**
 * How loud the microphone in `stream` is, 0 to 1, a few times a second: enough to see that it
 * picks something up, without re-rendering on every animation frame.
 */
export function useAudioLevel(stream: MediaStream | null, intervalMs = 200): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    const track = stream?.getAudioTracks()[0];
    if (!stream || !track || typeof AudioContext === 'undefined') {
      setLevel(0);
      return;
    }
    const context = new AudioContext();
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      // RMS on a rough loudness curve, so speech lands mid-scale rather than near zero.
      const loudness = Math.min(1, Math.sqrt(Math.sqrt(sum / samples.length)) * 1.4);
      // In steps of 5 %, so a steady sound does not re-render the meter.
      setLevel(Math.round(loudness * 20) / 20);
    }, intervalMs);
    return () => {
      clearInterval(timer);
      source.disconnect();
      void context.close();
    };
  }, [stream, intervalMs]);
  return level;
}

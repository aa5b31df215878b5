export * from './advance-recording.ts';
export * from './import-recording.ts';
export * from './live/apply-egress-info.ts';
export * from './pipeline-deps.ts';
export * from './probe-facts.ts';
export * from './recording-view.ts';
export * from './register-uploaded-recording.ts';
export * from './request-draft-captions.ts';

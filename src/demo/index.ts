// The "Acme Retail" demo organization, seeded on first start and by `herd demo`, and
// its stream of made-up customer posts through the whole pipeline.
export { seedAcmeRetail, DEMO_PASSWORD, DEMO_ORG_SLUG } from './acme-retail.ts';
export { ensureDemoStream, demoStreamOf, setDemoStreamStatus, type DemoStreamView } from './demo-stream.ts';
export { runDemoStream } from './demo-stream-runner.ts';
export { applyDemoAction, seedDemoWithStream, type DemoAction } from './demo-actions.ts';
export { serveDemoControl } from './demo-control-channel.ts';
